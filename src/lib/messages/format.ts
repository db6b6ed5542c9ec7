// Server messages are printf formats ("relation \"%s\" does not exist"). These helpers show them
// readably, match a pasted message against them, and reduce them to the fixed words search needs.

// printf conversions used in PostgreSQL's messages: %s %d %u %ld %lld %lu %llu %zu %X %c %m %.*s %02X ...
// the <inttypes.h> forms of 18+, written %<PRId64> / %<PRIu64> in the sources, and the positional
// forms translators use to reorder arguments (%2$s).
const PLACEHOLDER = /%(?:\d+\$)?(?:<PRI[a-zA-Z0-9]+>|[-+ #0]*\d*(?:\.(?:\d+|\*))?(?:hh|h|ll|l|z|j|t|L)?[sdiuxXcfgeEmp]|%)/g;

/** Spaces as a reader pastes them: translations use no-break spaces before colons (French). */
export const normalizeSpaces = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

export type MessagePart = { text: string } | { placeholder: string };

/** Splits a format into literal text and placeholders, for display with placeholders marked. */
export function messageParts(format: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let last = 0;
  for (const match of format.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push({ text: format.slice(last, match.index) });
    parts.push(match[0] === '%%' ? { text: '%' } : { placeholder: placeholderName(match[0]) });
    last = match.index + match[0].length;
  }
  if (last < format.length) parts.push({ text: format.slice(last) });
  return parts;
}

/** What a reader sees in place of a conversion: a word saying what kind of value goes there. */
function placeholderName(conversion: string): string {
  const kind = conversion.at(-1);
  if (kind === 's') return 'name';
  if (kind === 'm') return 'OS error';
  if (kind === 'c') return 'char';
  return 'number';
}

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regular expression that matches any message the format can produce. */
export function messagePattern(format: string): RegExp {
  const source = messageParts(normalizeSpaces(format).trim())
    .map((p) => ('text' in p ? escapeRe(p.text).replace(/ /g, '\\s+') : '.*?'))
    .join('');
  return new RegExp(source, 'iu');
}

// A Han, kana or Hangul character says as much as a few Latin letters do.
const DENSE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** How much fixed text a format has: longer fixed text means a more specific match. */
export const fixedLength = (format: string) =>
  messageParts(format).reduce((n, p) => n + ('text' in p ? [...p.text].reduce((k, ch) => k + (DENSE.test(ch) ? 3 : 1), 0) : 0), 0);

/** Lower-case words, split at anything that is not a letter, digit or underscore (any script). */
export const wordsOf = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(Boolean);

/**
 * The words of a message that are always there: no placeholders, no quoted names, no numbers.
 * `duplicate key value violates unique constraint "users_email_key"` gives
 * `duplicate key value violates unique constraint`.
 */
export function fixedWords(message: string): string[] {
  return message
    .replace(PLACEHOLDER, ' ')
    .replace(/"[^"]*"|'[^']*'|«[^»]*»/g, ' ')
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((w) => w !== '' && !/^\d+$/.test(w))
    .map((w) => w.toLowerCase());
}
