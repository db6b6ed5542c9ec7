// Checks the URLs an entry cites. PostgreSQL documentation links must name a page and fragment that
// exist in that version's docs, source links a file that exists on that major; every other URL must
// be on an allowed host and listed in the reviewed file, so a new external link is a visible change.
import type { Entry } from '../entry-schema.ts';

/** page -> anchor ("" = the page itself) -> comma-separated majors. */
export type DocsAnchors = Record<string, Record<string, string>>;
/** source path -> comma-separated majors. */
export type SourceFiles = Record<string, string>;

/** The major `current` means on www.postgresql.org/docs/current/ (the newest release). */
export const CURRENT_MAJOR = 18;
/** The major the source tree's master branch becomes. */
export const MASTER_MAJOR = 19;

/** Hosts of example connection strings and placeholders, which are not links. */
const PLACEHOLDER_HOSTS = /^(localhost|127\.0\.0\.1|\[::1\])$|(^|\.)example(\.com|\.org|\.net)?$/;

export interface CitedUrl {
  field: string;
  url: string;
}

/** Every http(s) URL anywhere in an entry, with the field that holds it. */
export function urlsOf(entry: unknown, field = ''): CitedUrl[] {
  if (typeof entry === 'string') return [...entry.matchAll(/https?:\/\/[^\s)`'"<>\]]+/g)].map((m) => ({ field, url: m[0].replace(/[.,;:]+$/, '') }));
  if (Array.isArray(entry)) return entry.flatMap((v, i) => urlsOf(v, `${field}[${i}]`));
  if (entry && typeof entry === 'object') {
    return Object.entries(entry).flatMap(([k, v]) => urlsOf(v, field ? `${field}.${k}` : k));
  }
  return [];
}

const hasMajor = (majors: string | undefined, major: number) => Boolean(majors?.split(',').includes(String(major)));

/** What is wrong with a PostgreSQL docs or source URL, or null if it is fine; undefined if it is neither. */
export function checkPostgresUrl(url: string, docs: DocsAnchors, files: SourceFiles): string | null | undefined {
  const parsed = new URL(url);
  if (parsed.hostname === 'www.postgresql.org' && parsed.pathname.startsWith('/docs/') && !parsed.pathname.startsWith('/docs/release/')) {
    const m = /^\/docs\/(current|\d+)\/([a-z0-9-]+)\.html$/.exec(parsed.pathname);
    if (!m) return 'not a documentation page URL (/docs/<version>/<page>.html)';
    const major = m[1] === 'current' ? CURRENT_MAJOR : Number(m[1]);
    const anchors = docs[m[2]];
    if (!anchors || !hasMajor(anchors[''], major)) return `the ${m[1]} docs have no page ${m[2]}.html`;
    const fragment = decodeURIComponent(parsed.hash.slice(1)).toLowerCase();
    if (fragment && !hasMajor(anchors[fragment], major)) return `${m[2]}.html in the ${m[1]} docs has no #${parsed.hash.slice(1)}`;
    return null;
  }
  if (parsed.hostname === 'github.com' && parsed.pathname.startsWith('/postgres/postgres/')) {
    const m = /^\/postgres\/postgres\/(blob|tree)\/([^/]+)\/(.+?)\/?$/.exec(parsed.pathname);
    if (!m) return undefined; // commits and the like: external, reviewed with the others
    const branch = /^REL_(\d+)_STABLE$/.exec(m[2]);
    const major = m[2] === 'master' ? MASTER_MAJOR : branch ? Number(branch[1]) : NaN;
    if (Number.isNaN(major)) return `branch ${m[2]} is not master or REL_<N>_STABLE`;
    const path = decodeURIComponent(m[3]);
    const exists = m[1] === 'blob'
      ? hasMajor(files[path], major)
      : Object.entries(files).some(([p, majors]) => p.startsWith(`${path}/`) && hasMajor(majors, major));
    return exists ? null : `${path} does not exist on ${m[2]}`;
  }
  return undefined;
}

export interface LinkPolicy {
  /** "host" or "host/path/prefix/": where an external link may point. */
  allowedHosts: string[];
  /** Every reviewed external URL. */
  reviewed: Set<string>;
}

/** Problems with one entry's links: "<field>: <url>: <what is wrong>". */
export function linkProblems(entry: Entry, docs: DocsAnchors, files: SourceFiles, policy: LinkPolicy): string[] {
  const problems: string[] = [];
  for (const { field, url } of urlsOf(entry)) {
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      problems.push(`${field}: ${url}: not a valid URL`);
      continue;
    }
    if (PLACEHOLDER_HOSTS.test(host)) continue; // a connection string in an example, not a link
    const pg = checkPostgresUrl(url, docs, files);
    if (pg) problems.push(`${field}: ${url}: ${pg}`);
    if (pg !== undefined) continue;
    const bare = url.replace(/^https?:\/\//, '');
    if (!policy.allowedHosts.some((h) => (h.includes('/') ? bare.startsWith(h) : host === h))) {
      problems.push(`${field}: ${url}: ${host} is not an allowed host (content/links/allowed-hosts.txt)`);
    } else if (!policy.reviewed.has(url)) {
      problems.push(`${field}: ${url}: not in the reviewed list content/links/external-urls.txt`);
    }
  }
  return problems;
}

/** A list file: one item a line, `#` comments and blank lines ignored. */
export const listFile = (text: string) => text.split('\n').map((l) => l.replace(/(^|\s)#.*/, '').trim()).filter(Boolean);
