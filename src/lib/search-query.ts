// Our thin layer in front of Pagefind. Pagefind matches every word of a query and ranks codes as
// text prefixes, so "SQLSTATE 08006" or a pasted message would miss or rank badly. This module
// recognises exact codes and condition names, and turns a pasted message into its fixed words;
// messages/lookup.ts matches the message itself.
import { fixedWords } from './messages/format.ts';
import { SQLSTATE_RE } from './sqlstate.ts';

export interface SearchCode {
  code: string;
  name: string;
  /** Client class names for the code (psycopg's UniqueViolation, ruby-pg's TRSerializationFailure). */
  classes?: string[];
}
export interface QueryPlan {
  /** Codes to rank first, best first: exact codes, then condition names. */
  exact: string[];
  /** Where Enter goes: set when the query is just one existing code or one unambiguous name. */
  jump: string | null;
  /** A code-shaped query that is no SQLSTATE ("08009"): Pagefind's prefix matches are only "nearby". */
  unknownCode: string | null;
  /** A code being typed ("2", "235", "22p0"): answered from the code list; Pagefind only if none match. */
  codePrefix: string | null;
  /** The cleaned text, when it looks like a pasted message (three words or more). */
  message: string | null;
  /** What to hand Pagefind. */
  pagefind: string;
}

// Words people type around a code: "SQLSTATE 08006", "error 40P01", "ERROR: ...", "code=23505".
// And the module names around a pasted class name: "psycopg.errors.UniqueViolation", "PG::...".
const NOISE = new Set([
  'sqlstate', 'error', 'code', 'errcode', 'pg', 'postgres', 'postgresql', 'psql', 'fatal', 'panic',
  'psycopg', 'psycopg2', 'errors', 'asyncpg', 'exceptions', 'activerecord',
]);
const LEVEL_PREFIX = /^\s*(?:psql:\S*\s*)?(?:ERROR|FATAL|PANIC|WARNING|NOTICE|LOG|DETAIL)\s*:\s*/i;

export function planQuery(raw: string, codes: SearchCode[]): QueryPlan {
  const byCode = new Map(codes.map((c) => [c.code, c]));
  const byName = Map.groupBy(codes, (c) => c.name);
  const byClass = new Map<string, string[]>();
  for (const c of codes) for (const cls of c.classes ?? []) byClass.set(cls.toLowerCase(), [...(byClass.get(cls.toLowerCase()) ?? []), c.code]);
  const text = raw.replace(LEVEL_PREFIX, '').trim();
  const tokens = text.split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
  const meaningful = tokens.filter((t) => !NOISE.has(t.toLowerCase()));

  const exact: string[] = [];
  const add = (code: string) => exact.includes(code) || exact.push(code);
  for (const token of tokens) {
    const upper = token.toUpperCase();
    if (SQLSTATE_RE.test(upper) && byCode.has(upper)) add(upper);
  }
  const asName = meaningful.join('_').toLowerCase();
  for (const candidate of [asName, ...meaningful.map((t) => t.toLowerCase())]) {
    for (const c of byName.get(candidate) ?? []) add(c.code);
  }
  const classCodes = new Set<string>();
  for (const token of meaningful) for (const code of byClass.get(token.toLowerCase()) ?? []) classCodes.add(code);
  for (const code of classCodes) add(code);

  let jump: string | null = null;
  if (meaningful.length === 1 && exact.length === 1) jump = exact[0];
  if (meaningful.length >= 1 && (byName.get(asName)?.length ?? 0) === 1) jump = byName.get(asName)![0].code;
  if (meaningful.length === 1 && classCodes.size === 1) jump = [...classCodes][0];

  const single = meaningful.length === 1 ? meaningful[0].toUpperCase() : '';
  // A client's own code (Prisma's P2002) is a class name here, not a SQLSTATE being typed.
  const codeShaped = /^[0-9A-Z]{1,5}$/.test(single) && /\d/.test(single) && !byClass.has(single.toLowerCase());
  const unknownCode = codeShaped && single.length === 5 && !byCode.has(single) ? single : null;
  const isMessage = meaningful.length >= 3 && exact.length === 0;
  const words = isMessage ? fixedWords(text) : meaningful.map((t) => t.toLowerCase());
  return {
    exact,
    jump,
    unknownCode,
    codePrefix: codeShaped ? single : null,
    message: isMessage ? text : null,
    pagefind: (words.length ? words : meaningful).join(' '),
  };
}

/** Codes that start with a typed prefix; for a full code that does not exist, the rest of its class. */
export function codesWithPrefix(prefix: string, codes: SearchCode[]): string[] {
  const hits = codes.filter((c) => c.code.startsWith(prefix)).map((c) => c.code);
  if (hits.length || prefix.length < 5) return hits;
  return codes.filter((c) => c.code.startsWith(prefix.slice(0, 2))).map((c) => c.code);
}

/** Exact hits first, then message matches, then Pagefind's, each code once. */
export function mergeResults(...lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}
