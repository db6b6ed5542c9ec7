// The glue between Astro's content collection and the plain modules in src/lib/.
import { getCollection } from 'astro:content';
import type { Entry } from './lib/entry-schema.ts';
import { backlinks as buildBacklinks } from './lib/related.ts';

let cache: Promise<{ entries: Map<string, Entry>; backlinks: Map<string, string[]> }> | undefined;

export function loadEntries() {
  cache ??= getCollection('errors').then((items) => {
    const list = items.map((item) => item.data as Entry);
    for (const item of items) {
      if (item.id !== item.data.code) {
        throw new Error(`content/errors/${item.id}.yaml: code: is "${item.data.code}" but the file is named for ${item.id}`);
      }
    }
    return { entries: new Map(list.map((e) => [e.code, e])), backlinks: buildBacklinks(list) };
  });
  return cache;
}
