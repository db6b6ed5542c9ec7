// What the places people reach the site from read: link previews, the sitemap and robots.txt,
// and the host redirects that stand in for the meta-refresh alias pages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { classes, codes } from '../../src/lib/catalog.ts';
import { classPath, entryPath } from '../../src/lib/paths.ts';
import { DIST, distFiles, page, refreshTarget, requireDist } from '../support/dist.ts';
import { PAGE_TYPES } from '../support/page-types.ts';

before(requireDist);

const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];

test('every page type has a link preview: og:title, description, type, url, site name, twitter card', () => {
  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    const html = page(type === '404' ? '/404.html' : path);
    for (const key of ['og:title', 'og:description', 'og:type', 'og:site_name', 'twitter:card']) assert.ok(meta(html, key), `${path} has ${key}`);
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
    if (canonical) assert.equal(meta(html, 'og:url'), canonical, `${path}: og:url is the canonical URL`);
  }
  const entry = page(entryPath('23505'));
  assert.equal(meta(entry, 'og:title'), '23505 unique_violation: Unique violation');
  assert.equal(meta(entry, 'og:type'), 'article');
  assert.match(meta(entry, 'og:description')!, /\S{10,}/);
});

test('entry pages carry JSON-LD: a TechArticle with the summary and a breadcrumb home, class, code', () => {
  const html = page(entryPath('23505'));
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)];
  assert.equal(blocks.length, 1, 'one JSON-LD block');
  const data = JSON.parse(blocks[0][1]) as { '@graph': Record<string, any>[] };
  const article = data['@graph'].find((n) => n['@type'] === 'TechArticle')!;
  assert.equal(article.headline, '23505 unique_violation: Unique violation');
  assert.equal(article.description, meta(html, 'og:description'));
  assert.match(article.dateModified ?? '', /^\d{4}-\d\d-\d\d$/);
  const crumbs = data['@graph'].find((n) => n['@type'] === 'BreadcrumbList')!.itemListElement as { position: number; item: string }[];
  assert.deepEqual(crumbs.map((c) => [c.position, new URL(c.item).pathname]), [[1, '/'], [2, classPath('23')], [3, entryPath('23505')]]);
});

const sitemapLocs = () => [...readFileSync(join(DIST, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>(?:<lastmod>(\d{4}-\d\d-\d\d)<\/lastmod>)?/g)];

test('sitemap.xml lists every canonical page, once, with lastmod, and no alias', () => {
  const locs = sitemapLocs();
  const paths = locs.map((m) => new URL(m[1]).pathname);
  assert.equal(new Set(paths).size, paths.length, 'no URL twice');
  for (const c of codes) assert.ok(paths.includes(entryPath(c.code)), `sitemap has ${c.code}`);
  for (const c of classes) assert.ok(paths.includes(classPath(c.code)), `sitemap has class ${c.code}`);
  for (const p of paths) assert.equal(refreshTarget(page(p)), undefined, `${p} is not an alias page`);
  assert.ok(locs.every((m) => m[2]), 'every URL has a lastmod');
  assert.match(readFileSync(join(DIST, 'robots.txt'), 'utf8'), /^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
});

test('_redirects and the nginx include send every alias page in dist/ to its target with a 301', () => {
  const netlify = readFileSync(join(DIST, '_redirects'), 'utf8');
  const nginx = readFileSync(join(DIST, 'nginx-redirects.conf'), 'utf8');
  const rules = new Map(netlify.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(' ')).map(([from, to, status]) => [from, { to, status }]));
  let aliases = 0;
  for (const file of distFiles().filter((f) => f.endsWith('/index.html'))) {
    const path = file.replace(/index\.html$/, '');
    const target = refreshTarget(page(path));
    if (!target) continue;
    aliases++;
    assert.deepEqual(rules.get(path), { to: target, status: '301' }, `_redirects covers ${path}`);
    assert.ok(nginx.includes(`location ~ ^${path.replace(/\/$/, '')}/?$ { return 301 ${target}; }`), `nginx include covers ${path}`);
  }
  assert.ok(aliases > 1000, `only ${aliases} alias pages found`);
});

test('opensearch.xml is linked from every page and searches /?q={searchTerms}', () => {
  const xml = readFileSync(join(DIST, 'opensearch.xml'), 'utf8');
  assert.match(xml, /<Url type="text\/html" method="get" template="https?:\/\/[^"]+\/\?q=\{searchTerms\}"\/>/);
  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    assert.match(page(type === '404' ? '/404.html' : path), /<link rel="search" type="application\/opensearchdescription\+xml" title="[^"]+" href="\/opensearch.xml">/, path);
  }
});

test('edit and report links appear only when the build knows its repository (REPOSITORY_URL)', () => {
  const html = page(entryPath('23505'));
  if (process.env.REPOSITORY_URL) assert.match(html, /href="[^"]+\/edit\/[^"]+\/content\/errors\/23505\.yaml"/);
  else assert.doesNotMatch(html, /edit this entry|Report a problem/);
});
