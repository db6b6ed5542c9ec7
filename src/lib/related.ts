// The graph of "related" links between authored entries: outgoing links, backlinks
// (pages that link here), and links that point at nothing.

export interface RelatedLink {
  code: string;
  why: string;
}
export interface Linking {
  code: string;
  related: RelatedLink[];
}

/** For each code, the codes of authored entries that list it as related, sorted. */
export function backlinks(entries: Linking[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const entry of entries) {
    for (const link of entry.related) {
      const list = map.get(link.code) ?? [];
      if (!list.includes(entry.code)) list.push(entry.code);
      map.set(link.code, list);
    }
  }
  for (const list of map.values()) list.sort();
  return map;
}

/** Backlinks to `code` that the entry does not already link to itself. */
export function extraBacklinks(code: string, own: RelatedLink[], all: Map<string, string[]>): string[] {
  const linked = new Set(own.map((l) => l.code));
  return (all.get(code) ?? []).filter((c) => !linked.has(c));
}

/** Links whose target is not a known code: "from -> to" pairs, both ends named. */
export function danglingLinks(entries: Linking[], known: (code: string) => boolean) {
  return entries.flatMap((e) =>
    e.related.filter((l) => !known(l.code)).map((l) => ({ from: e.code, to: l.code })),
  );
}
