// The search box's message lookup: reads the paste, ranks the languages it may be in, fetches the
// shards its first words point to (one language at a time, English only when it may be English)
// and matches. Runs in the browser; `fetchJson` is injected so the unit tests can count fetches.
import { shardsFor } from './keys.ts';
import { rankLanguages } from './language.ts';
import { compileRows, matchPaste, type CompiledRow, type MessageMatch } from './match.ts';
import { readPaste } from './paste.ts';
import type { IndexRow } from './search-index.ts';
import type { MessageManifest } from './site.ts';

export const MESSAGE_DATA = '/search/messages';
const MAX_LANGUAGES = 4;

export interface LookupResult {
  /** The language whose formats matched (or the likeliest one when nothing matched). */
  lang: string;
  matches: MessageMatch[];
}

export function createMessageLookup(fetchJson: (url: string) => Promise<unknown>) {
  let manifest: Promise<MessageManifest> | undefined;
  const shards = new Map<string, Promise<CompiledRow[]>>();
  const shard = (name: string) => {
    let rows = shards.get(name);
    if (!rows) shards.set(name, (rows = (fetchJson(`${MESSAGE_DATA}/${name}.json`) as Promise<IndexRow[]>).then(compileRows)));
    return rows;
  };
  const loadManifest = () => (manifest ??= fetchJson(`${MESSAGE_DATA}/index.json`) as Promise<MessageManifest>);
  async function lookup(paste: string): Promise<LookupResult> {
    const m = await loadManifest();
    const labels = [...new Set(m.profiles.flatMap((p) => p.labels))];
    const read = readPaste(paste, labels);
    const langs = rankLanguages(read.starts.join(' ') || paste, read.labels, m.profiles).filter((l) => m.bounds[l]);
    for (const lang of langs.slice(0, MAX_LANGUAGES)) {
      const rows = (await Promise.all(shardsFor(read.starts, m.bounds[lang]).map((i) => shard(`${lang}-${i}`)))).flat();
      const matches = matchPaste(read.lines.join('\n'), rows, m.errno, read.starts);
      if (matches.length) return { lang, matches };
    }
    return { lang: langs[0] ?? 'en', matches: [] };
  }
  /** Starts fetching the manifest, so a paste does not wait for it after the code list. */
  lookup.prefetch = () => void loadManifest();
  return lookup;
}
