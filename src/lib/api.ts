// The JSON the site publishes: for runbook tooling (/api/errors.json, /api/errors/<CODE>.json)
// and, in compact form, for the search box.
import { classes, codes, getClass, serverMessages, type CatalogCode } from './catalog.ts';
import type { Entry } from './entry-schema.ts';
import { API_VERSION, SCHEMA_PATHS } from './api-schema.ts';
import { entryPath } from './paths.ts';
import { classNamesFor, linesFor } from './drivers/index.ts';
import { messagesForCode } from './messages/by-code.ts';

export function errorList(entries: Map<string, Entry>, site: URL) {
  return { $schema: new URL(SCHEMA_PATHS.list, site).href, version: API_VERSION, errors: errorItems(entries, site) };
}

function errorItems(entries: Map<string, Entry>, site: URL) {
  return codes.map((c) => {
    const entry = entries.get(c.code);
    return {
      code: c.code,
      name: c.name,
      class: c.classCode,
      className: getClass(c.classCode).name,
      type: c.type,
      title: entry?.title ?? null,
      tier: entry?.tier ?? null,
      confidence: entry?.confidence.level ?? null,
      authored: entry !== undefined,
      url: new URL(entryPath(c.code), site).href,
    };
  });
}

export function errorDetail(info: CatalogCode, entry: Entry | undefined, site: URL) {
  return {
    $schema: new URL(SCHEMA_PATHS.detail, site).href,
    version: API_VERSION,
    ...info,
    className: getClass(info.classCode).name,
    url: new URL(entryPath(info.code), site).href,
    serverMessages: serverMessages(info.code).map(({ text, file }) => ({ text, file })),
    messages: messagesForCode(info.code).map(({ text, role, levels, how, codes: sqlstates, files, majors }) => ({ text, role, levels, how, sqlstates, files, majors })),
    entry: entry ?? null,
    clients: info.type === 'error' ? linesFor(info.code, entry?.producedBy.side) : [],
  };
}

/** Compact code list for search: [code, name] pairs and class names by class code. */
export function searchCodes() {
  return {
    classes: Object.fromEntries(classes.map((c) => [c.code, c.name])),
    // [code, name, ...client class names] (see SearchCode.classes)
    codes: codes.map((c) => [c.code, c.name, ...classNamesFor(c.code)]),
  };
}

/** A summary cut to its first sentence and at most `max` characters, for a search result line. */
export function shortSummary(summary: string, max = 160): string {
  const flat = summary.replace(/\s+/g, ' ').trim();
  const sentence = /^.*?[.!?](?=\s|$)/.exec(flat)?.[0] ?? flat;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

/** Code -> one-line summary of its entry, loaded by the search box after it shows results. */
export function searchSummaries(entries: Map<string, Entry>): Record<string, string> {
  return Object.fromEntries([...entries.values()].sort((a, b) => (a.code < b.code ? -1 : 1)).map((e) => [e.code, shortSummary(e.summary)]));
}
