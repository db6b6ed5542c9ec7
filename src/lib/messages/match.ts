// Matching a paste against index rows (search-index.ts), in the browser: most specific format
// first, messages before DETAIL/HINT texts, and for errno-mapped formats the code the OS text picks.
import { fixedLength, messagePattern, normalizeSpaces } from './format.ts';
import { isErrnoHow, osErrorIn, type ErrnoMap, type OsError } from './errno.ts';
import type { IndexRow, RowKind } from './search-index.ts';

export interface CompiledRow {
  text: string;
  codes: string[];
  how: string;
  majors: string;
  kind: RowKind;
  english?: string;
  /** How much fixed text the format has (format.ts), computed only for rows that match. */
  fixed?: number;
  /** Fixed words of the format (search-index.ts): a paste without one cannot match, so no regex is needed. */
  needles: string[];
  /** Built on first use: most rows of a shard are ruled out by their needles. */
  pattern?: RegExp;
  anchored?: RegExp;
}

export const compileRows = (rows: IndexRow[]): CompiledRow[] =>
  rows.map(([text, codes, how, majors, kind, needles, english]) => ({ text, codes: codes.split(','), how, majors, kind, english, needles: needles.split(' ') }));

const matches = (r: CompiledRow, text: string, lower: string) =>
  r.needles.every((w) => lower.includes(w)) && (r.pattern ??= messagePattern(r.text)).test(text);

export interface MessageMatch {
  /** Codes this format can carry, the one the paste points to first. */
  codes: string[];
  /** The format that matched, as the server (or client) has it, in the paste's language. */
  text: string;
  /** The English format, for a translated match. */
  english?: string;
  how: string;
  majors: string;
  kind: RowKind;
  /** For an errno-mapped format: the OS error the paste ends with, and the code it gives. */
  os?: OsError;
}

// DETAIL/HINT texts after messages; formats that only carry 00000 (LOG, DEBUG) after errors.
const rank = (r: CompiledRow) => (r.kind === 'd' ? 2 : 0) + (r.codes.every((c) => c === '00000') ? 1 : 0);

/**
 * How well a matching format fits where the message starts: 0 when it matches from a start and
 * begins with fixed text, 1 from a start but beginning with a placeholder ("%s: column ..." also
 * fits "ERROR:  column ..."), 2 anywhere else in the paste.
 */
function fit(r: CompiledRow, starts: string[]) {
  r.anchored ??= new RegExp(`^(?:${(r.pattern ??= messagePattern(r.text)).source})`, 'iu');
  if (!starts.some((s) => r.anchored!.test(s))) return 2;
  return /^\s*%/.test(r.text) ? 1 : 0;
}

/**
 * Every row matching the paste, best first; each code keeps only its best format. `starts` are
 * where a message may begin in the paste (paste.ts): a format that fits there ranks first.
 */
export function matchPaste(paste: string, rows: CompiledRow[], errno: ErrnoMap, starts: string[] = []): MessageMatch[] {
  const text = paste.split(/\r?\n/).map((l) => normalizeSpaces(l)).join('\n');
  const lower = text.toLowerCase();
  const fits = new Map<CompiledRow, number>();
  const fitOf = (r: CompiledRow) => fits.get(r) ?? fits.set(r, fit(r, starts)).get(r)!;
  const hits = rows.filter((r) => matches(r, text, lower));
  for (const r of hits) r.fixed ??= fixedLength(r.text);
  hits.sort((a, b) => rank(a) - rank(b) || fitOf(a) - fitOf(b) || b.fixed! - a.fixed!);
  const seen = new Set<string>();
  const out: MessageMatch[] = [];
  for (const r of hits) {
    const os = isErrnoHow(r.how) ? osErrorIn(text, r.how, errno) ?? undefined : undefined;
    const codes = os ? [os.code] : r.codes;
    const fresh = codes.filter((c) => !seen.has(c));
    if (fresh.length === 0) continue;
    fresh.forEach((c) => seen.add(c));
    out.push({ codes: fresh, text: r.text, english: r.english, how: r.how, majors: r.majors, kind: r.kind, os });
  }
  // A LOG line's 00000 is noise next to an error code for the same text.
  const errors = out.filter((m) => m.codes.some((c) => c !== '00000'));
  return errors.length ? errors : out;
}

/** "14,15,16" -> "14–16", "17,19" -> "17, 19". */
export function majorsLabel(majors: string): string {
  const list = majors.split(',').filter(Boolean).map(Number).sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const m of list) {
    const run = runs.at(-1);
    if (run && m === run.at(-1)! + 1) run.push(m);
    else runs.push([m]);
  }
  return runs.map((r) => (r.length > 1 ? `${r[0]}–${r.at(-1)}` : `${r[0]}`)).join(', ');
}
