// The imported message data of content/catalog/ (written by scripts/import-messages.ts), read at
// build time only. Translations are read one language at a time, when first asked for.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrnoMap } from './errno.ts';

const DIR = 'content/catalog';
const read = <T>(name: string): T => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as T;
const once = <T>(load: () => T) => {
  let value: T | undefined;
  return () => (value ??= load());
};

export interface ServerRow {
  text: string;
  /** errmsg, errmsg_internal, elog, errdetail, errhint, ... (see the data's README). */
  kind: string;
  level: string;
  /** One code, or a comma-separated list in the order of the errno mapping or the level defaults. */
  sqlstate: string;
  how: string;
  file: string;
  majors: string;
  /** For a DETAIL or HINT: the errmsg texts of the reports it belongs to. */
  with?: string[];
  /** Why the majors differ from the branch-point data (content/catalog-corrections.yaml). */
  note?: string;
}
export interface ClientRow {
  text: string;
  component: 'libpq' | 'psql';
  file: string;
  majors: string;
  /** The gettext trigger: libpq_append_conn_error, pg_log_error, _ ...; gettext_noop marks labels. */
  via: string;
}
export interface LabelRow {
  lang: string;
  label: string;
  translation: string;
  domain: string;
  majors: string;
}
/** [domain, msgid, msgstr, majors, pluralIndex?] */
export type TranslationRow = [string, string, string, string, number?];

export const serverRows = once(() => read<{ messages: ServerRow[] }>('server-messages.json').messages);
export const clientRows = once(() => read<{ rows: ClientRow[] }>('client-messages.json').rows);
export const labelRows = once(() => read<{ rows: LabelRow[] }>('labels.json').rows);
export const languages = once(() => readdirSync(join(DIR, 'translations')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort());

const translationCache = new Map<string, TranslationRow[]>();
export function translations(lang: string): TranslationRow[] {
  let rows = translationCache.get(lang);
  if (!rows) translationCache.set(lang, (rows = read<{ rows: TranslationRow[] }>(`translations/${lang}.json`).rows));
  return rows;
}

/** One errno's code per major; note: why it differs from the branch-point data. */
interface ErrnoLine { errno: string; codes: Record<string, string | null>; note?: string }
interface ErrnoFile {
  majors: string[];
  file: ErrnoLine[];
  socket: ErrnoLine[];
  dsm: ErrnoLine[];
}
export const errnoTables = once(() => read<ErrnoFile>('errno.json'));

/** errno -> code per family in the newest major (the browser's copy of the mapping). */
export const errnoMap = once((): ErrnoMap => {
  const t = errnoTables();
  const newest = t.majors.at(-1)!;
  const pick = (rows: ErrnoFile['file']) =>
    Object.fromEntries(rows.flatMap((r) => (r.codes[newest] ? [[r.errno, r.codes[newest]!]] : [])));
  return { file: pick(t.file), socket: pick(t.socket), dsm: pick(t.dsm) };
});

/** Language names for the page, in their own language where that helps a reader find theirs. */
export const LANGUAGE_NAMES: Record<string, string> = {
  cs: 'Czech', de: 'German', el: 'Greek', es: 'Spanish', fr: 'French', he: 'Hebrew', id: 'Indonesian',
  it: 'Italian', ja: 'Japanese', ka: 'Georgian', ko: 'Korean', pl: 'Polish', pt_BR: 'Portuguese (Brazil)',
  ro: 'Romanian', ru: 'Russian', sv: 'Swedish', tr: 'Turkish', uk: 'Ukrainian', vi: 'Vietnamese',
  zh_CN: 'Chinese (simplified)', zh_TW: 'Chinese (traditional)', en: 'English',
};
