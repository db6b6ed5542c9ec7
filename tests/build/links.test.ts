// Every internal link and #anchor in dist/ points at something that exists.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { distFiles, fileFor, hrefs, ids, requireDist } from '../support/dist.ts';

before(requireDist);

test('internal links and anchors resolve', () => {
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!idCache.has(file)) idCache.set(file, ids(readFileSync(file, 'utf8')));
    return idCache.get(file)!;
  };
  const broken: string[] = [];
  const pages = distFiles().filter((f) => f.endsWith('.html'));
  for (const from of pages) {
    const fromFile = fileFor(from)!;
    for (const href of hrefs(readFileSync(fromFile, 'utf8'))) {
      if (/^(https?:|mailto:|data:)/.test(href)) continue;
      const url = new URL(href, `http://site${from}`);
      const target = fileFor(url.pathname);
      if (!target) broken.push(`${from} -> ${href} (no such page)`);
      else if (url.hash && !idsOf(target).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${from} -> ${href} (no such anchor)`);
    }
  }
  assert.ok(pages.length > 300, `checked ${pages.length} pages`);
  assert.deepEqual(broken.slice(0, 20), [], `${broken.length} broken links`);
});
