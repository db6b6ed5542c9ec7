// The site's canonical pages, for sitemap.xml, and when each last changed: an entry page changes
// with its entry file, every other page with the catalog. Dates come from git, once per build.
import { execFileSync } from 'node:child_process';
import { classes, codes } from './catalog.ts';
import { classPath, entryPath } from './paths.ts';

/** File -> date (YYYY-MM-DD) of the last commit that touched it, for the files under `dirs`. */
export function lastCommitDates(dirs: string[]): Map<string, string> {
  const dates = new Map<string, string>();
  let log = '';
  try {
    log = execFileSync('git', ['log', '--format=@%cs', '--name-only', '--', ...dirs], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch {
    return dates; // not a git checkout (a tarball): pages go without lastmod
  }
  let date = '';
  for (const line of log.split('\n')) {
    if (line.startsWith('@')) date = line.slice(1);
    else if (line && !dates.has(line)) dates.set(line, date); // newest first: keep the first seen
  }
  return dates;
}

const newest = (...ds: (string | undefined)[]) => ds.filter(Boolean).sort().at(-1);
const catalogDate = (dates: Map<string, string>) => newest(...[...dates].filter(([f]) => f.startsWith('content/catalog/')).map(([, d]) => d));

let contentDates: Map<string, string> | undefined;
/** When an entry page last changed: its file or the catalog, whichever is newer (git read once per build). */
export function entryLastmod(file: string | undefined): string | undefined {
  contentDates ??= lastCommitDates(['content']);
  return newest(catalogDate(contentDates), contentDates.get(file ?? ''));
}

export interface SitemapUrl {
  path: string;
  lastmod?: string;
}

export function sitemapUrls(entryFiles: Map<string, string>, dates = lastCommitDates(['content'])): SitemapUrl[] {
  const catalog = catalogDate(dates);
  const general = ['/', '/errors/', '/about/', '/verification/'].map((path) => ({ path, lastmod: catalog }));
  const entries = codes.map((c) => ({ path: entryPath(c.code), lastmod: newest(catalog, dates.get(entryFiles.get(c.code) ?? '')) }));
  const classPages = classes.map((c) => ({ path: classPath(c.code), lastmod: catalog }));
  return [...general, ...entries, ...classPages];
}

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function sitemapXml(urls: SitemapUrl[], site: URL): string {
  const items = urls.map((u) => `<url><loc>${escapeXml(new URL(u.path, site).href)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</urlset>\n`;
}
