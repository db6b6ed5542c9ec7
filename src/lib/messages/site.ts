// The search box's message data for the whole site, built once per build from the catalog and the
// entries: a small manifest (shard bounds, language profiles, errno mapping) and the shards.
import { clientRows, errnoMap, labelRows, languages, serverRows, translations } from './catalog.ts';
import type { ErrnoMap } from './errno.ts';
import type { LanguageProfile } from './language.ts';
import { buildIndex, englishRows, languageProfiles, translatedRows, type IndexRow } from './search-index.ts';
import type { Entry } from '../entry-schema.ts';

/** What /search/messages/index.json holds. */
export interface MessageManifest {
  /** Language -> smallest key of shards 1..n (shard 0 holds the formats that start with a placeholder). */
  bounds: Record<string, string[]>;
  profiles: LanguageProfile[];
  errno: ErrnoMap;
}

// Shards of about this much JSON, most 7-9 KB brotli: a paste fetches shard 0 and one or two more.
const SHARD_BYTES = 40_000;

let built: { manifest: MessageManifest; shards: Map<string, IndexRow[]> } | undefined;

/** Shard files are named `<lang>-<n>`: en-0, de-3. */
export function messageSearchData(entries: Map<string, Entry>) {
  if (built) return built;
  const entryMessages = [...entries.values()].flatMap((e) => e.messages.map((m) => ({ code: e.code, text: m.text })));
  const english = englishRows(serverRows(), clientRows(), entryMessages);
  const shards = new Map<string, IndexRow[]>();
  const bounds: Record<string, string[]> = {};
  const add = (lang: string, rows: IndexRow[]) => {
    const index = buildIndex(rows, SHARD_BYTES);
    bounds[lang] = index.bounds;
    index.shards.forEach((s, i) => shards.set(`${lang}-${i}`, s));
  };
  add('en', english);
  const texts = new Map<string, string[]>();
  for (const lang of languages()) {
    const rows = translatedRows(english, translations(lang));
    if (rows.length === 0) continue;
    add(lang, rows);
    texts.set(lang, rows.map((r) => r[0]));
  }
  const profiles = languageProfiles(labelRows(), texts, english.map((r) => r[0]));
  built = { manifest: { bounds, profiles, errno: errnoMap() }, shards };
  return built;
}
