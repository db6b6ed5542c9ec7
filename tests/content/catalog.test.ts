// The catalog is complete and every authored entry is valid and links only to real codes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classes, codes, getClass, hasCode } from '../../src/lib/catalog.ts';
import { loadEntries } from '../../src/lib/entry-files.ts';
import { danglingLinks } from '../../src/lib/related.ts';

test('264 codes in 44 classes, each code in a known class', () => {
  assert.equal(codes.length, 264);
  assert.equal(classes.length, 44);
  for (const c of codes) assert.equal(getClass(c.classCode).code, c.code.slice(0, 2));
  assert.equal(new Set(codes.map((c) => c.code)).size, 264, 'codes are unique');
});

test('the codes the data README singles out are present with their versions', () => {
  const get = (code: string) => codes.find((c) => c.code === code)!;
  assert.equal(get('72000').removedIn, '17');
  assert.equal(get('57P05').since, '14');
  assert.equal(get('25P04').since, '17');
  assert.equal(get('10608').since, '18');
  assert.ok(hasCode('22P07'));
  assert.equal(getClass('10').name, 'XQuery Error');
});

test('five condition names belong to two codes each', () => {
  const shared = [...Map.groupBy(codes, (c) => c.name)].filter(([, list]) => list.length > 1).map(([n]) => n).sort();
  assert.deepEqual(shared, [
    'modifying_sql_data_not_permitted', 'null_value_not_allowed', 'prohibited_sql_statement_attempted',
    'reading_sql_data_not_permitted', 'string_data_right_truncation',
  ]);
});

test('every authored entry validates', () => {
  const { entries, problems } = loadEntries();
  assert.deepEqual(problems.map((p) => `${p.file}: ${p.field}: ${p.message}`), []);
  assert.ok(entries.some((e) => e.code === '08006'), '08006 is authored');
});

test('every related code exists', () => {
  const { entries } = loadEntries();
  assert.deepEqual(danglingLinks(entries, hasCode), []);
});

test('every code featured on the home page is authored', async () => {
  const { FEATURED } = await import('../../src/lib/featured.ts');
  const authored = new Set(loadEntries().entries.map((e) => e.code));
  if (process.env.ENTRY_DIR) return;
  assert.deepEqual(FEATURED.flatMap((g) => g.codes).filter((c) => !authored.has(c)), []);
});
