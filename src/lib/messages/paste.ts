// What a pasted error looks like around its message: a log prefix, a severity label in the
// server's language ("FEHLER:  ", "ОШИБКА:  "), a SQLSTATE with log_error_verbosity = verbose, a
// driver's exception name, DETAIL and HINT lines. These helpers find where the message starts.
import { escapeRe, normalizeSpaces } from './format.ts';

export interface LabelMatch {
  /** The label as found, e.g. "FEHLER". */
  label: string;
  /** The text after the label (and after a SQLSTATE that follows it), to the end of the line. */
  rest: string;
}

/**
 * The severity and field labels in a line, from a list of labels ("ERROR", "FEHLER", "エラー"),
 * each followed by a colon (ASCII or full-width, with or without a space before it). A label must
 * not be part of a longer word. A search box has one line, so "ERROR: ... DETAIL: ..." gives two.
 */
export function findLabels(line: string, labels: string[]): LabelMatch[] {
  if (labels.length === 0) return [];
  const alternatives = [...labels].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])(${alternatives})\\s*[:：]\\s*(?:[0-9A-Z]{5}:\\s*)?`, 'gu');
  return [...line.matchAll(re)].map((m) => ({ label: m[1], rest: line.slice(m.index + m[0].length).trim() }));
}

export interface Paste {
  /** The pasted text on one line per message line, spaces normalized. */
  lines: string[];
  /** Where a message may start: after a label, else the line itself and after each ": ". */
  starts: string[];
  /** The labels found, in order. */
  labels: string[];
}

/** Splits a paste into lines and finds where its messages start. */
export function readPaste(raw: string, labels: string[]): Paste {
  const lines = raw.split(/\r?\n/).map((l) => normalizeSpaces(l).trim()).filter(Boolean);
  const starts: string[] = [];
  const found: string[] = [];
  for (const line of lines.slice(0, 6)) {
    const labelled = findLabels(line, labels);
    for (const m of labelled) {
      found.push(m.label);
      if (m.rest) starts.push(m.rest);
    }
    // A label word inside the message ("SSL SYSCALL error: EOF detected"): the line may start the
    // message too, unless what comes before the label is a log prefix (it has digits).
    const before = labelled.length ? line.slice(0, line.length - labelled[0].rest.length) : '';
    if (labelled.length && !/^\s*$|\d/.test(before.replace(/\s*\S+\s*[:：]\s*$/u, ''))) starts.push(line);
  }
  if (starts.length === 0) {
    // No label: a driver's exception text ("psycopg.errors.UndefinedTable: relation ...") or the bare message.
    for (const line of lines.slice(0, 3)) {
      starts.push(line);
      for (const m of line.matchAll(/: /g)) starts.push(line.slice(m.index + 2));
    }
  }
  return { lines, starts: [...new Set(starts)].slice(0, 12), labels: found };
}
