// Alias URLs that lead to a canonical entry page: condition names, lower-case codes,
// code-plus-name slugs and short links. A condition name shared by two codes leads to a
// page that offers both.
import { codeSlug, entryPath } from './paths.ts';

export interface Alias {
  path: string;
  /** One code: a redirect. Two: a page that offers both. */
  codes: string[];
  kind: 'condition-name' | 'lowercase' | 'slug' | 'short';
}

export function buildAliases(codes: { code: string; name: string }[]): Alias[] {
  const aliases: Alias[] = [];
  const byName = Map.groupBy(codes, (c) => c.name);
  for (const [name, sharing] of byName) {
    aliases.push({ path: `/errors/${name}/`, codes: sharing.map((c) => c.code), kind: 'condition-name' });
  }
  for (const { code, name } of codes) {
    const lower = code.toLowerCase();
    if (lower !== code) aliases.push({ path: `/errors/${lower}/`, codes: [code], kind: 'lowercase' });
    aliases.push({ path: `/errors/${codeSlug(code, name)}/`, codes: [code], kind: 'slug' });
    aliases.push({ path: `/${code}/`, codes: [code], kind: 'short' });
    if (lower !== code) aliases.push({ path: `/${lower}/`, codes: [code], kind: 'short' });
  }
  assertUnique(aliases, new Set(codes.map((c) => entryPath(c.code))));
  return aliases;
}

function assertUnique(aliases: Alias[], canonical: Set<string>) {
  const seen = new Set<string>();
  for (const { path } of aliases) {
    if (canonical.has(path)) throw new Error(`alias ${path} would hide a canonical page`);
    if (seen.has(path)) throw new Error(`two aliases claim ${path}`);
    seen.add(path);
  }
}

/** The last path segment of an /errors/ alias, for Astro's getStaticPaths. */
export const aliasSlug = (alias: Alias) => alias.path.split('/').filter(Boolean).at(-1)!;
