// Every message a code can carry, for its messages page and the API: the server's formats of
// 14-19 with levels, majors, how the code was determined, the DETAIL/HINT texts tied to them,
// older wordings, and the translations PostgreSQL ships. Built from the imported catalog.
import { fixedWords } from './format.ts';
import { isErrnoHow } from './errno.ts';
import { languages, serverRows, translations, type ServerRow } from './catalog.ts';

export type MessageRole = 'message' | 'detail' | 'hint';
export interface CodeMessage {
  text: string;
  role: MessageRole;
  levels: string[];
  /** literal, variable, file-errno, socket-errno, dsm-errno, default, elog, caller (see the data's README). */
  how: string;
  /** Every code this text can carry, in the order of the errno mapping or the level defaults. */
  codes: string[];
  files: string[];
  majors: number[];
  /** For a message no longer in 17-19: the message of the same file that replaced it. */
  successor?: string;
  /** DETAIL and HINT texts of the same reports. */
  details: { text: string; role: MessageRole }[];
  /** Where the current minor releases differ from the branch-point sources (content/catalog-corrections.yaml). */
  notes: string[];
}

const ROLE: Record<string, MessageRole> = { errmsg: 'message', errmsg_plural: 'message', errmsg_internal: 'message', elog: 'message' };
const roleOf = (kind: string): MessageRole | null =>
  ROLE[kind] ?? (/^errdetail(_internal|_plural|_log|_log_plural)?$/.test(kind) ? 'detail' : /^errhint(_internal|_plural)?$/.test(kind) ? 'hint' : null);
const majorsOf = (row: ServerRow) => row.majors.split(',').map(Number);
// Explicit codes first, then errno-mapped, then the defaults of elog() and code-less ereports.
const HOW_ORDER = ['literal', 'variable', 'caller', 'file-errno', 'socket-errno', 'dsm-errno', 'default', 'elog'];

let byCode: Map<string, CodeMessage[]> | undefined;

function build(): Map<string, CodeMessage[]> {
  const groups = new Map<string, Map<string, CodeMessage>>();
  const details = new Map<string, Map<string, { text: string; role: MessageRole }>>(); // code -> message text -> details
  for (const row of serverRows()) {
    const role = roleOf(row.kind);
    if (!role || !row.sqlstate) continue;
    const codes = row.sqlstate.split(',');
    for (const code of codes) {
      const list = groups.get(code) ?? new Map<string, CodeMessage>();
      groups.set(code, list);
      const id = `${role}\u0000${row.text}`;
      const m = list.get(id) ?? { text: row.text, role, levels: [], how: row.how, codes, files: [], majors: [], details: [], notes: [] };
      list.set(id, m);
      for (const level of row.level.split(',')) if (level && !m.levels.includes(level)) m.levels.push(level);
      if (!m.files.includes(row.file)) m.files.push(row.file);
      if (row.note && !m.notes.includes(row.note)) m.notes.push(row.note);
      m.majors = [...new Set([...m.majors, ...majorsOf(row)])].sort((a, b) => a - b);
      if (m.how !== row.how && HOW_ORDER.indexOf(row.how) < HOW_ORDER.indexOf(m.how)) m.how = row.how;
      if (role !== 'message') {
        for (const owner of row.with ?? []) {
          const key = `${code}\u0000${owner}`;
          const set = details.get(key) ?? new Map();
          details.set(key, set.set(`${role}\u0000${row.text}`, { text: row.text, role }));
        }
      }
    }
  }
  const out = new Map<string, CodeMessage[]>();
  for (const [code, list] of groups) {
    const all = [...list.values()];
    for (const m of all) {
      if (m.role === 'message') m.details = [...(details.get(`${code}\u0000${m.text}`)?.values() ?? [])];
    }
    markSuccessors(all.filter((m) => m.role === 'message'));
    out.set(code, all.sort((a, b) =>
      Number(a.role !== 'message') - Number(b.role !== 'message') ||
      HOW_ORDER.indexOf(a.how) - HOW_ORDER.indexOf(b.how) ||
      a.text.localeCompare(b.text)));
  }
  return out;
}

/**
 * A message whose last major is 16 or earlier gets the message that replaced it: same file, in
 * the majors after it, not in its own majors, and sharing at least 60 % of its fixed words.
 */
export function markSuccessors(messages: CodeMessage[]) {
  for (const old of messages) {
    const last = old.majors.at(-1)!;
    if (last >= 17) continue;
    const words = new Set(fixedWords(old.text));
    let best: { m: CodeMessage; score: number } | undefined;
    for (const m of messages) {
      if (m === old || m.majors[0] !== last + 1 || !m.files.some((f) => old.files.includes(f))) continue;
      const theirs = new Set(fixedWords(m.text));
      const shared = [...words].filter((w) => theirs.has(w)).length;
      const score = shared / Math.max(words.size, theirs.size);
      if (score >= 0.6 && (!best || score > best.score)) best = { m, score };
    }
    if (best) old.successor = best.m.text;
  }
}

export function messagesForCode(code: string): CodeMessage[] {
  byCode ??= build();
  return byCode.get(code) ?? [];
}

/** How the code of a message is chosen, in a sentence for the page; null for an explicit code. */
export function howExplained(m: CodeMessage, code: string): string | null {
  if (isErrnoHow(m.how)) {
    const family = m.how === 'socket-errno' ? 'network' : m.how === 'dsm-errno' ? 'shared-memory' : 'file';
    return `The code depends on the operating-system error of the ${family} call, printed at the end of the message: ${m.codes.join(', ')}.`;
  }
  if (m.how === 'default' || m.how === 'elog') {
    return m.codes.length > 1
      ? `No code is named: the code is the default for the level it is raised at (${m.codes.join(', ')}).`
      : `No code is named: ${code} is the default for ${m.levels.join(', ')}.`;
  }
  if (m.how === 'caller') return `Raised inside other reports, with their codes: ${m.codes.join(', ')}.`;
  return null;
}

export interface Translation {
  lang: string;
  text: string;
  /** The English text it translates. */
  of: string;
  majors: string;
}

let translationIndex: Map<string, Translation[]> | undefined;
/** Translations of the given English texts, from every language the server ships. */
export function translationsOf(texts: string[]): Translation[] {
  if (!translationIndex) {
    translationIndex = new Map();
    for (const lang of languages()) {
      for (const [domain, msgid, msgstr, majors, plural] of translations(lang)) {
        if ((domain !== 'postgres' && domain !== 'plpgsql') || (plural ?? 0) > 0) continue;
        const list = translationIndex.get(msgid) ?? [];
        translationIndex.set(msgid, list);
        if (!list.some((t) => t.lang === lang && t.text === msgstr)) list.push({ lang, text: msgstr, of: msgid, majors });
      }
    }
  }
  return texts.flatMap((t) => translationIndex!.get(t) ?? []);
}
