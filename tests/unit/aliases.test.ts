import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAliases } from '../../src/lib/aliases.ts';
import { codes } from '../../src/lib/catalog.ts';

const aliases = buildAliases(codes);
const find = (path: string) => aliases.find((a) => a.path === path);

test('condition names, lower-case codes, slugs and short links lead to the code', () => {
  assert.deepEqual(find('/errors/connection_failure/')?.codes, ['08006']);
  assert.deepEqual(find('/errors/22p02/')?.codes, ['22P02']);
  assert.deepEqual(find('/errors/08006-connection-failure/')?.codes, ['08006']);
  assert.deepEqual(find('/08006/')?.codes, ['08006']);
  assert.deepEqual(find('/22p02/')?.codes, ['22P02']);
});

test('an all-digit code has no separate lower-case alias', () => {
  assert.equal(find('/errors/08006/'), undefined);
});

test('a shared condition name offers both codes', () => {
  assert.deepEqual(find('/errors/string_data_right_truncation/')?.codes, ['01004', '22001']);
});

test('an alias may neither hide a canonical page nor claim a path twice', () => {
  assert.throws(() => buildAliases([{ code: '08006', name: 'x' }, { code: '08007', name: '08006' }]), /hide a canonical page/);
  assert.throws(() => buildAliases([{ code: '08006', name: 'x' }, { code: '08007', name: '08006-x' }]), /two aliases/);
});
