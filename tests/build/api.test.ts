// The JSON API parses and agrees with the catalog and the authored entries.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { codes } from '../../src/lib/catalog.ts';
import { loadEntries } from '../../src/lib/entry-files.ts';
import { page, requireDist } from '../support/dist.ts';

before(requireDist);

test('/api/errors.json lists every code with its facts', () => {
  const list = JSON.parse(page('/api/errors.json'));
  const authored = new Set(loadEntries().entries.map((e) => e.code));
  assert.deepEqual(list.map((e: { code: string }) => e.code), codes.map((c) => c.code));
  for (const [i, item] of list.entries()) {
    assert.equal(item.name, codes[i].name);
    assert.equal(item.class, codes[i].classCode);
    assert.equal(item.authored, authored.has(item.code), item.code);
    assert.ok(item.url.endsWith(`/errors/${item.code}/`));
  }
});

test('/api/errors/<CODE>.json gives the whole entry', () => {
  const { entries } = loadEntries();
  for (const c of codes) {
    const detail = JSON.parse(page(`/api/errors/${c.code}.json`));
    assert.equal(detail.code, c.code);
    const entry = entries.find((e) => e.code === c.code);
    assert.deepEqual(detail.entry, entry ? JSON.parse(JSON.stringify(entry)) : null, c.code);
  }
});
