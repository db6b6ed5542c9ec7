// The glue between Astro's content collection and the plain modules in src/lib/.
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Entry } from './lib/entry-schema.ts';
import { backlinks as buildBacklinks } from './lib/related.ts';

interface Loaded {
  entries: Map<string, Entry>;
  backlinks: Map<string, string[]>;
  /** Entries written as MDX, by code: their body is rendered as the "In depth" section. */
  longForm: Map<string, CollectionEntry<'errors'>>;
  /** Code -> the entry's file, relative to the repository ("content/errors/40P01.mdx"). */
  files: Map<string, string>;
}
let cache: Promise<Loaded> | undefined;

export function loadEntries() {
  cache ??= getCollection('errors').then((items) => {
    const list = items.map((item) => item.data as Entry);
    for (const item of items) {
      if (item.id !== item.data.code) {
        throw new Error(`${item.filePath}: code: is "${item.data.code}" but the file is named for ${item.id}`);
      }
    }
    const longForm = new Map(items.filter((item) => item.filePath?.endsWith('.mdx')).map((item) => [item.id, item]));
    const files = new Map(items.map((item) => [item.id, item.filePath ?? '']));
    return { entries: new Map(list.map((e) => [e.code, e])), backlinks: buildBacklinks(list), longForm, files };
  });
  return cache;
}
