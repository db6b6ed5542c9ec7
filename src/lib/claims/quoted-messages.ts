// Checks that every message an entry quotes as the server's is one the server can send: the text
// must be produced by some message format of PostgreSQL 14-18 (any kind: message, DETAIL, HINT,
// CONTEXT), its placeholders filled in. A leading level label ("FATAL:  ") is left out first.
import type { Entry } from '../entry-schema.ts';
import type { ServerRow } from '../messages/catalog.ts';
import { escapeRe, messageParts } from '../messages/format.ts';

/** An anchored, case-sensitive pattern for the whole text a format produces. */
export function wholeMessagePattern(format: string): RegExp {
  // A %s may be empty (an unnamed prepared statement is ""); numbers are never empty.
  return new RegExp(`^${messageParts(format).map((p) => ('text' in p ? escapeRe(p.text) : p.placeholder === 'name' ? '[\\s\\S]*?' : '[\\s\\S]+?')).join('')}$`);
}

const SUPPORTED = ['14', '15', '16', '17', '18'];
const LEVEL_LABEL = /^(?:ERROR|FATAL|PANIC|WARNING|NOTICE|INFO|LOG|DETAIL|HINT|CONTEXT):\s+/;

export class MessageIndex {
  private byWord = new Map<string, { format: string; pattern?: RegExp }[]>();
  private conditionNames: Set<string>;
  /**
   * `messages`: the 14-19 table; `formats`: more formats known to be in 14-18 (the 18.6 table holds
   * a few messages that minor releases added after the branch points the 14-19 table was read at).
   */
  constructor(messages: Pick<ServerRow, 'text' | 'majors'>[], formats: string[] = [], conditionNames: string[] = []) {
    this.conditionNames = new Set(conditionNames);
    const seen = new Set<string>();
    for (const m of [...messages, ...formats.map((text) => ({ text, majors: '18' }))]) {
      if (!m.majors.split(',').some((v) => SUPPORTED.includes(v)) || seen.has(m.text)) continue;
      seen.add(m.text);
      // Indexed by the format's longest fixed word, so a lookup tries a few formats, not 16,000.
      const key = keyWord(m.text);
      if (!key) continue; // a bare "%s" would match any text and prove nothing
      const list = this.byWord.get(key) ?? [];
      list.push({ format: m.text });
      this.byWord.set(key, list);
    }
  }
  /** Does some 14-18 format produce exactly this text? */
  matches(quoted: string): boolean {
    const text = quoted.replace(LEVEL_LABEL, '');
    // PL/pgSQL's RAISE without a message text uses the condition name or the SQLSTATE (pl_exec.c).
    if (this.conditionNames.has(text) || /^[0-9A-Z]{5}$/.test(text)) return true;
    const words = new Set(text.toLowerCase().split(/[^a-z0-9_]+/));
    for (const [key, list] of this.byWord) {
      if (!words.has(key)) continue;
      for (const item of list) {
        item.pattern ??= wholeMessagePattern(item.format);
        if (item.pattern.test(text)) return true;
      }
    }
    return false;
  }
}

function keyWord(format: string): string {
  const fixed = messageParts(format).flatMap((p) => ('text' in p ? p.text.toLowerCase().split(/[^a-z0-9_]+/) : []));
  return fixed.filter((w) => w.length > 2).sort((a, b) => b.length - a.length)[0] ?? '';
}

/** Problems with an entry's quoted server messages: "messages[2].text: ...". */
export function quotedMessageProblems(entry: Entry, index: MessageIndex): string[] {
  return entry.messages.flatMap((m, i) => {
    if (m.source !== 'server' && m.source !== 'server log') return [];
    // A quote of several lines (a relayed remote error, the client's own line after it) is checked
    // by its first line, the server's message.
    const text = m.text.trim();
    return index.matches(text) || index.matches(text.split('\n')[0]) ? [] : [`messages[${i}].text: "${text.split('\n')[0]}" is not a message PostgreSQL 14-18 sends (no format matches)`];
  });
}
