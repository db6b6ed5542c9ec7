// Which shard of the message index a format lives in, and which shards a pasted text needs.
// A pasted message starts with the same words as its format, up to the format's first
// placeholder, so the index is sorted by those words ("the key") and cut into ranges. Formats that
// start with a placeholder have the empty key and live in shard 0, which every paste fetches.
import { messageParts, wordsOf as words } from './format.ts';

const KEY_WORDS = 3;

/** The first words of a format's fixed text, before any placeholder: `could not open` for `could not open file "%s": %m`. */
export function formatKey(format: string): string {
  const first = messageParts(format.trimStart())[0];
  return first && 'text' in first ? words(first.text).slice(0, KEY_WORDS).join(' ') : '';
}

/** Every key a format at the start of `text` could have: its first one, two and three words. */
export function textKeys(text: string): string[] {
  const first = words(text).slice(0, KEY_WORDS);
  return first.map((_, i) => first.slice(0, i + 1).join(' '));
}

/**
 * The shard holding a key. `bounds[i]` is the smallest key of shard i + 1 (shard 0 is the empty
 * key), in JavaScript string order, which the build and the browser share.
 */
export function shardOf(key: string, bounds: string[]): number {
  if (key === '') return 0;
  let lo = 0;
  let hi = bounds.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (bounds[mid] <= key) {
      found = mid + 1;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The shards a pasted text needs, from the places a message may start in it (see paste.ts). */
export function shardsFor(starts: string[], bounds: string[]): number[] {
  const shards = new Set([0]);
  for (const start of starts) for (const key of textKeys(start)) shards.add(shardOf(key, bounds));
  return [...shards].sort((a, b) => a - b);
}

/** Cuts rows sorted by key into shards of about `target` bytes, never splitting a key. */
export function cutShards<T>(rows: { key: string; row: T; bytes: number }[], target: number): { bounds: string[]; shards: T[][] } {
  const sorted = [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const shards: T[][] = [[]];
  const bounds: string[] = [];
  let size = 0;
  let last: string | null = null;
  for (const r of sorted) {
    if (r.key === '') {
      shards[0].push(r.row);
      continue;
    }
    if (shards.length === 1 || (size >= target && r.key !== last)) {
      shards.push([]);
      bounds.push(r.key);
      size = 0;
    }
    shards.at(-1)!.push(r.row);
    size += r.bytes;
    last = r.key;
  }
  return { bounds, shards };
}
