import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backlinks, danglingLinks, extraBacklinks } from '../../src/lib/related.ts';

const entries = [
  { code: '08006', related: [{ code: '57P01', why: 'a' }, { code: '25P03', why: 'b' }] },
  { code: '57P01', related: [{ code: '08006', why: 'c' }] },
  { code: '25P03', related: [{ code: '08006', why: 'd' }, { code: '99999', why: 'e' }] },
];

test('backlinks list the pages that link here, sorted', () => {
  const map = backlinks(entries);
  assert.deepEqual(map.get('08006'), ['25P03', '57P01']);
  assert.deepEqual(map.get('57P01'), ['08006']);
});

test('extra backlinks leave out codes the entry already links to', () => {
  assert.deepEqual(extraBacklinks('08006', entries[0].related, backlinks(entries)), []);
  assert.deepEqual(extraBacklinks('08006', [], backlinks(entries)), ['25P03', '57P01']);
});

test('dangling links name both ends', () => {
  assert.deepEqual(danglingLinks(entries, (c) => c !== '99999'), [{ from: '25P03', to: '99999' }]);
});
