// /api/messages.json and /api/messages/<lang>.json: the imported message data as published.
import { API_VERSION, SCHEMA_PATHS } from '../api-schema.ts';
import { languages, serverRows, translations } from './catalog.ts';

const majorsOf = (list: string) => list.split(',').filter(Boolean).map(Number);
export const translationsPath = (lang: string) => `/api/messages/${lang}.json`;

export function messageList(site: URL) {
  return {
    $schema: new URL(SCHEMA_PATHS.messages, site).href,
    version: API_VERSION,
    from: 'PostgreSQL 14-19 sources, each major at its release branch point',
    languages: languages().map((lang) => ({ lang, url: new URL(translationsPath(lang), site).href, texts: translations(lang).length })),
    messages: serverRows().map(({ text, kind, level, sqlstate, how, file, majors, with: owners }) => ({
      text, kind, level, sqlstates: sqlstate ? sqlstate.split(',') : [], how, file, majors: majorsOf(majors), ...(owners ? { with: owners } : {}),
    })),
  };
}

export function translationList(lang: string, site: URL) {
  return {
    $schema: new URL(SCHEMA_PATHS.translations, site).href,
    version: API_VERSION,
    lang,
    translations: translations(lang).map(([domain, msgid, msgstr, majors, pluralIndex]) => ({
      domain: domain as 'postgres', msgid, msgstr, ...(pluralIndex === undefined ? {} : { pluralIndex }), majors: majorsOf(majors),
    })),
  };
}
