import assert from 'node:assert/strict';
import { test } from 'node:test';
import { camelName, driverLines } from '../../src/lib/drivers.ts';

test('condition names become the class names psycopg and ruby-pg use', () => {
  assert.equal(camelName('unique_violation'), 'UniqueViolation');
  assert.equal(camelName('sqlclient_unable_to_establish_sqlconnection'), 'SqlclientUnableToEstablishSqlconnection');
});

test('a shared condition name gets no class name, only the code', () => {
  const lines = driverLines('39004', 'null_value_not_allowed', true);
  assert.ok(lines.every((l) => !l.code.includes('NullValueNotAllowed')));
  assert.ok(lines.find((l) => l.client === 'psycopg 3')!.code.includes('"39004"'));
});

test('every client line names the code or its class', () => {
  for (const line of driverLines('23505', 'unique_violation', false)) {
    assert.ok(line.code.includes('23505') || line.code.includes('UniqueViolation'), line.client);
  }
});
