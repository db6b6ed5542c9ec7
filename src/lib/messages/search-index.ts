// Builds the message index the search box fetches: every server message format of 14-19 that
// carries a SQLSTATE, the DETAIL and HINT texts tied to one, the libpq and psql texts an entry
// explains, and the entries' own quoted messages; and the same per language from PostgreSQL's
// translations. Each index is cut into shards by key (keys.ts) so a paste fetches only the
// shards its first words point to. Pure: the endpoints pass the catalog data in.
import { fixedLength, fixedWords, messagePattern } from './format.ts';
import { cutShards, formatKey } from './keys.ts';
import type { LanguageProfile } from './language.ts';
import type { ClientRow, LabelRow, ServerRow, TranslationRow } from './catalog.ts';

/** m = message, d = DETAIL or HINT, c = libpq or psql text, e = an entry's quoted message. */
export type RowKind = 'm' | 'd' | 'c' | 'e';
/**
 * One format: [text, codes (comma-separated, in mapping order), how, majors, kind, needles, English
 * text for a translation]. The needles are fixed words of the format, space-separated, computed
 * here once so the browser need not: a paste without all of them cannot match (match.ts).
 */
export type IndexRow = [string, string, string, string, RowKind, string] | [string, string, string, string, RowKind, string, string];

// Two words rule out nearly every row that cannot match: a paste of "could not open file ...: No
// such file or directory" leaves 9 of 1,441 rows to test by regex, against 121 with the longest word.
const NEEDLES = 2;

/**
 * Sets each row's needles to its rarest fixed words among `rows` (one language's index): common
 * words like "could" or "not" are in most pastes and rule out little.
 */
export function setNeedles(rows: IndexRow[]): IndexRow[] {
  const words = rows.map((r) => [...new Set(fixedWords(r[0]))]);
  const frequency = new Map<string, number>();
  for (const list of words) for (const w of list) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  return rows.map((r, i) => {
    const rarest = words[i].sort((a, b) => frequency.get(a)! - frequency.get(b)! || b.length - a.length || (a < b ? -1 : 1));
    const row = [...r] as IndexRow;
    row[5] = rarest.slice(0, NEEDLES).join(' ');
    return row;
  });
}

export interface MessageIndex {
  bounds: string[];
  shards: IndexRow[][];
}

const MESSAGE_KINDS = new Set(['errmsg', 'errmsg_plural', 'errmsg_internal', 'elog']);
const DETAIL_KINDS = /^(errdetail|errhint)(_internal|_plural|_log|_log_plural)?$/;
// A format must have this much fixed text to be searched: "%s" or "%s: %s" match anything.
export const MIN_FIXED = 12;

const unionList = (a: string, b: string) => [...new Set([...a.split(','), ...b.split(',')].filter(Boolean))].join(',');
const sortMajors = (list: string) => list.split(',').filter(Boolean).sort((x, y) => Number(x) - Number(y)).join(',');

/** The English rows: one per distinct text and kind, codes and majors merged over files. */
export function englishRows(
  server: ServerRow[],
  client: ClientRow[],
  entryMessages: { code: string; text: string }[],
): IndexRow[] {
  const rows = new Map<string, IndexRow>();
  const put = (text: string, codes: string, how: string, majors: string, kind: RowKind) => {
    if (!codes || fixedLength(text) < MIN_FIXED) return;
    const id = `${kind}\u0000${text}`;
    const old = rows.get(id);
    if (!old) return void rows.set(id, [text, codes, how, majors, kind, '']);
    // The same text raised in several places: every code it can carry, and errno resolution only
    // when every place maps errno.
    rows.set(id, [text, unionList(old[1], codes), old[2] === how ? how : 'mixed', sortMajors(unionList(old[3], majors)), kind, old[5]]);
  };
  for (const r of server) {
    if (MESSAGE_KINDS.has(r.kind)) put(r.text, r.sqlstate, r.how, r.majors, 'm');
    else if (DETAIL_KINDS.test(r.kind)) put(r.text, r.sqlstate, r.how, r.majors, 'd');
  }
  for (const c of clientCodes(client, entryMessages)) put(c.text, c.codes, 'client', c.majors, 'c');
  for (const m of entryMessages) put(m.text, m.code, 'entry', '', 'e');
  return [...rows.values()];
}

const LABEL_TRIGGERS = new Set(['gettext_noop', 'ngettext']);

/** libpq and psql texts with the entries whose quoted messages they produce. */
export function clientCodes(client: ClientRow[], entryMessages: { code: string; text: string }[]) {
  const out: { text: string; codes: string; majors: string; component: string }[] = [];
  for (const c of client) {
    const text = c.text.replace(/\n+$/, '').trim();
    // Headings and labels of psql's output (gettext_noop, plural counts) are not errors.
    if (fixedLength(text) < MIN_FIXED || LABEL_TRIGGERS.has(c.via) || fixedWords(text).length < 3) continue;
    const re = messagePattern(text);
    const codes = [...new Set(entryMessages.filter((m) => re.test(m.text)).map((m) => m.code))];
    if (codes.length) out.push({ text, codes: codes.join(','), majors: c.majors, component: c.component });
  }
  return out;
}

/** A language's rows: each translated format that has an English row, pointing to it. */
export function translatedRows(english: IndexRow[], translations: TranslationRow[]): IndexRow[] {
  const byText = new Map<string, IndexRow>();
  for (const r of english) if (r[4] !== 'e' && !byText.has(r[0])) byText.set(r[0], r);
  const rows = new Map<string, IndexRow>();
  for (const [, msgid, msgstr, majors] of translations) {
    const en = byText.get(msgid.replace(/\n+$/, '').trim()) ?? byText.get(msgid);
    const text = msgstr.replace(/\n+$/, '').trim();
    if (!en || fixedLength(text) < MIN_FIXED) continue;
    const id = `${text}\u0000${en[0]}`;
    const old = rows.get(id);
    rows.set(id, [text, en[1], en[2], old ? sortMajors(unionList(old[3], majors)) : majors, en[4], '', en[0]]);
  }
  return [...rows.values()];
}

/** One language's rows with their needles, cut into shards of about `target` bytes of JSON. */
export function buildIndex(rows: IndexRow[], target: number): MessageIndex {
  return cutShards(setNeedles(rows).map((row) => ({ key: formatKey(row[0]), row, bytes: JSON.stringify(row).length })), target);
}

const SEVERITY = new Set(['ERROR', 'FATAL', 'PANIC', 'WARNING', 'NOTICE', 'LOG', 'INFO', 'DEBUG', 'DETAIL', 'HINT', 'CONTEXT', 'STATEMENT', 'QUERY', 'error', 'warning', 'detail', 'hint']);
/** "TIPP:  ", "DETAIL:  %s\n", "erreur : " -> "TIPP", "DETAIL", "erreur". */
export const bareLabel = (translation: string) => translation.replace(/%s|\\n|\n/g, '').replace(/[:：]\s*$/u, '').trim();

const tokenize = (text: string) => text.toLowerCase().replace(/%(\d+\$)?[-+ #0]*\d*(\.\d+)?[a-zA-Z]+/g, ' ').split(/[^\p{L}\p{N}_]+/u).filter((w) => w.length >= 2 && !/\d/.test(w));
const topWords = (texts: string[], n: number) => {
  const count = new Map<string, number>();
  for (const t of texts) for (const w of new Set(tokenize(t))) count.set(w, (count.get(w) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([w]) => w);
};

/** Each language's labels and distinctive words, from its catalog; English from the msgids. */
export function languageProfiles(labels: LabelRow[], texts: Map<string, string[]>, englishTexts: string[]): LanguageProfile[] {
  const TOP = 600;
  const KEEP = 120;
  const tops = new Map<string, string[]>([['en', topWords(englishTexts, TOP)], ...[...texts].map(([lang, t]) => [lang, topWords(t, TOP)] as [string, string[]])]);
  const profiles: LanguageProfile[] = [];
  for (const [lang, top] of tops) {
    const others = new Set([...tops].filter(([l]) => l !== lang).flatMap(([, t]) => t));
    const words = top.filter((w) => !others.has(w)).slice(0, KEEP);
    const own = lang === 'en'
      ? [...SEVERITY]
      : labels.filter((l) => l.lang === lang && SEVERITY.has(l.label)).map((l) => bareLabel(l.translation));
    profiles.push({ lang, labels: [...new Set(own.filter(Boolean))], words });
  }
  return profiles;
}
