// Real redirects for every alias (condition names, lower-case codes, code-name slugs, short links),
// in the two forms hosts read: `_redirects` (Netlify, Cloudflare Pages) and an nginx include. A
// name shared by two codes has no single target: its alias page, which offers both, stays.
import type { Alias } from './aliases.ts';
import { entryPath } from './paths.ts';

const redirecting = (aliases: Alias[]) => aliases.filter((a) => a.codes.length === 1);
/** An alias answers with and without its trailing slash. */
const forms = (path: string) => [path, path.replace(/\/$/, '')];

export function netlifyRedirects(aliases: Alias[]): string {
  const lines = redirecting(aliases).flatMap((a) => forms(a.path).map((from) => `${from} ${entryPath(a.codes[0])} 301`));
  return `# Generated from src/lib/aliases.ts: every alias of an entry page, as a permanent redirect.\n${lines.join('\n')}\n`;
}

export function nginxRedirects(aliases: Alias[]): string {
  const lines = redirecting(aliases).map((a) => `location ~ ^${a.path.replace(/\/$/, '')}/?$ { return 301 ${entryPath(a.codes[0])}; }`);
  return `# Generated from src/lib/aliases.ts: include inside the server block (docs/deploy.md).\n${lines.join('\n')}\n`;
}
