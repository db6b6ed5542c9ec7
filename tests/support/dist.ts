// Reading the built site in dist/ for the build tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const DIST = 'dist';

export function requireDist() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: npm test builds it first (npm run build)');
}

/** Every file under dist/, as site paths ("/errors/08006/index.html"). */
export function distFiles(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = join(dir, d.name);
    return d.isDirectory() ? distFiles(full) : ['/' + relative(DIST, full).split(sep).join('/')];
  });
}

/** The file that serves a site path: "/errors/08006/" -> dist/errors/08006/index.html. */
export function fileFor(path: string): string | undefined {
  const clean = decodeURIComponent(path.split(/[?#]/)[0]);
  const candidates = clean.endsWith('/') ? [clean + 'index.html'] : [clean, clean + '/index.html'];
  return candidates.map((c) => join(DIST, c)).find((f) => existsSync(f));
}

export function page(path: string): string {
  const file = fileFor(path);
  if (!file) throw new Error(`no built page for ${path}`);
  return readFileSync(file, 'utf8');
}

// Attributes inside tags only: a code block's text may say href="..." too.
export const hrefs = (html: string) => [...html.matchAll(/<[a-z][^>]*?\shref="([^"]*)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
export const ids = (html: string) => new Set([...html.matchAll(/<[a-z][^>]*?\sid="([^"]*)"/g)].map((m) => m[1]));
export const refreshTarget = (html: string) => /http-equiv="refresh" content="0; url=([^"]+)"/.exec(html)?.[1];
