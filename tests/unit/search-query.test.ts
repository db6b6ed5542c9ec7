import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codes } from '../../src/lib/catalog.ts';
import { codesWithPrefix, planQuery } from '../../src/lib/search-query.ts';

const all = codes.map((c) => ({ code: c.code, name: c.name }));

test('an exact code, in any case, is ranked first and jumps', () => {
  for (const q of ['08006', '22p02', 'SQLSTATE 08006', 'error 40P01', 'ERROR 40p01', 'code=23505']) {
    const plan = planQuery(q, all);
    assert.equal(plan.exact.length, 1, q);
    assert.equal(plan.jump, plan.exact[0], q);
  }
  assert.equal(planQuery('22p02', all).jump, '22P02');
});

test('a code that does not exist is not an exact hit', () => {
  const plan = planQuery('08009', all);
  assert.deepEqual(plan.exact, []);
  assert.equal(plan.jump, null);
});

test('condition names, with underscores or spaces', () => {
  assert.deepEqual(planQuery('connection_failure', all).exact, ['08006']);
  assert.equal(planQuery('unique violation', all).jump, '23505');
  const shared = planQuery('string_data_right_truncation', all);
  assert.deepEqual(shared.exact.sort(), ['01004', '22001']);
  assert.equal(shared.jump, null, 'a name of two codes has no single target');
});

test('a pasted message keeps only its fixed words for Pagefind', () => {
  const plan = planQuery('ERROR:  duplicate key value violates unique constraint "users_email_key"', all);
  assert.equal(plan.pagefind, 'duplicate key value violates unique constraint');
  assert.ok(plan.message?.startsWith('duplicate key'));
  assert.equal(planQuery('relation "orders" does not exist', all).pagefind, 'relation does not exist');
});

test('a code-shaped query that is no SQLSTATE is flagged, so Enter does not open a prefix match', () => {
  assert.equal(planQuery('08009', all).unknownCode, '08009');
  assert.equal(planQuery('08006', all).unknownCode, null);
  assert.equal(planQuery('hello', all).unknownCode, null, 'a word is not a code');
});

test('a code being typed is answered from the code list, not Pagefind', () => {
  assert.equal(planQuery('235', all).codePrefix, '235');
  assert.equal(planQuery('22p0', all).codePrefix, '22P0');
  assert.equal(planQuery('unique', all).codePrefix, null);
  assert.deepEqual(codesWithPrefix('2350', all), ['23502', '23503', '23505']);
  assert.ok(codesWithPrefix('08009', all).every((c) => c.startsWith('08')), 'an unknown full code offers its class');
  assert.deepEqual(codesWithPrefix('ZZ', all), []);
});

test('a client class name, with or without its module, finds its code and jumps', () => {
  const withClasses = [
    { code: '40001', name: 'serialization_failure', classes: ['SerializationFailure', 'TRSerializationFailure', 'SerializationError'] },
    { code: '23505', name: 'unique_violation', classes: ['UniqueViolation', 'UniqueViolationError', 'RecordNotUnique'] },
  ];
  assert.equal(planQuery('PG::TRSerializationFailure', withClasses).jump, '40001');
  assert.equal(planQuery('psycopg.errors.UniqueViolation', withClasses).jump, '23505');
  assert.equal(planQuery('ActiveRecord::RecordNotUnique', withClasses).exact[0], '23505');
  assert.deepEqual(planQuery('SerializationFailure', [{ code: '23505', name: 'unique_violation' }]).exact, [], 'no classes, no match');
});

test("a client's own code that names a SQLSTATE (Prisma's P2002) finds it, not a missing code", () => {
  const withClasses = all.map((c) => (c.code === '23505' ? { ...c, classes: ['P2002', 'UniqueConstraintError'] } : c));
  const plan = planQuery('P2002', withClasses);
  assert.deepEqual(plan.exact, ['23505']);
  assert.equal(plan.jump, '23505');
  assert.equal(plan.unknownCode, null);
  assert.equal(plan.codePrefix, null);
  assert.equal(planQuery('P2999', withClasses).unknownCode, 'P2999', 'an unknown code-shaped word is still reported');
});
