import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientLines } from '../../src/lib/drivers/lines.ts';
import { collapse, compareClientResults, snippetWorks, type ClientOutcome } from '../../src/lib/drivers/results.ts';
import { snippetFor } from '../../src/lib/drivers/snippets.ts';

const raised = (cls: string, module: string, sqlstate: string | null, specific: boolean, message = 'probe') => ({ class: cls, module, sqlstate, specific, message });

test('a client with a class of its own for the code is caught by that class', () => {
  const s = snippetFor('ruby-pg', '40001', raised('TRSerializationFailure', 'PG', '40001', true));
  assert.match(s.code, /rescue PG::TRSerializationFailure => e/);
  assert.match(snippetFor('psycopg', '23505', raised('UniqueViolation', 'psycopg.errors', '23505', true)).code, /except psycopg\.errors\.UniqueViolation as e:/);
});

test('without a class of its own, the snippet catches the base class and compares the code', () => {
  const s = snippetFor('psycopg', '22P07', raised('DataError', 'psycopg', '22P07', false)).code;
  assert.match(s, /except psycopg\.Error as e:\n {4}if e\.sqlstate != "22P07":\n {8}raise/);
  assert.match(snippetFor('asyncpg', '22P07', raised('UnknownPostgresError', 'asyncpg.exceptions._base', '22P07', false)).code, /except asyncpg\.PostgresError as e:/);
});

test('when the code never reaches the client, the snippet catches what it raises and says so', () => {
  const s = snippetFor('psycopg', '57P01', raised('OperationalError', 'psycopg', null, false)).code;
  assert.match(s, /except psycopg\.OperationalError as e:\n {4}print\(e\.sqlstate\)  # None, not 57P01/);
  const js = snippetFor('postgres.js', '57P01', { ...raised('Error', 'postgres', null, false), clientCode: 'CONNECTION_CLOSED' }).code;
  assert.match(js, /err\.code !== 'CONNECTION_CLOSED'/);
});

test('the psql lines hold no comment psql would reject', () => {
  for (const line of snippetFor('psql', '23505', null).code.split('\n')) assert.doesNotMatch(line, /^\\set .*--/);
});

const outcome = (o: Partial<ClientOutcome> & Pick<ClientOutcome, 'id' | 'client'>): ClientOutcome => ({ version: '1', raised: null, ...o });

test('a snippet that escaped or printed the wrong code does not work', () => {
  const r = raised('UniqueViolation', 'psycopg.errors', '23505', true);
  assert.equal(snippetWorks('23505', outcome({ id: '23505', client: 'psycopg', raised: r, snippet: { caught: true, printed: '23505' } })), true);
  assert.equal(snippetWorks('23505', outcome({ id: '23505', client: 'psycopg', raised: r, snippet: { caught: false, escaped: 'UniqueViolation' } })), false);
  assert.equal(snippetWorks('23505', outcome({ id: '23505', client: 'psycopg', raised: r, snippet: { caught: true, printed: '' } })), false);
});

test('outcomes of several majors collapse into one record, or one per differing behaviour', () => {
  const r = raised('UniqueViolation', 'psycopg.errors', '23505', true);
  const o = (major: number, rr = r) => ({ major, outcome: outcome({ id: '23505', client: 'psycopg', raised: rr, snippet: { caught: true, printed: '23505' } }) });
  const one = collapse({ '23505': 'raise' }, [o(15), o(14)], { 14: '14.1', 15: '15.1' });
  assert.deepEqual(one.codes['23505'].clients.psycopg!.map((x) => x.majors), [[14, 15]]);
  const two = collapse({ '23505': 'raise' }, [o(14), o(15, raised('IntegrityError', 'psycopg', '23505', false))], {});
  assert.equal(two.codes['23505'].clients.psycopg!.length, 2);
  assert.deepEqual(compareClientResults(one, one), []);
  assert.equal(compareClientResults(one, two).length, 1);
});

test('page lines say what the client raised, and cite pgx, lib/pq and Npgsql to their source', () => {
  const results = collapse({ '40001': 'raise' }, [{ major: 18, outcome: outcome({ id: '40001', client: 'ruby-pg', raised: raised('TRSerializationFailure', 'PG', '40001', true), snippet: { caught: true, printed: '40001' } }) }], { 18: '18.4' });
  const lines = clientLines('40001', results);
  assert.match(lines[0].snippet!.code, /rescue PG::TRSerializationFailure/);
  assert.deepEqual(lines.filter((l) => l.basis === 'cited').map((l) => l.client), ['pgx', 'lib/pq', 'Npgsql', 'Spring JDBC']);
  assert.ok(lines.filter((l) => l.basis === 'cited').every((l) => l.source?.url.startsWith('https://github.com/')));
  assert.deepEqual(clientLines('01000', results), [], 'a code no client was run for has no lines');
  const canceled = clientLines('57014', { ...results, codes: { '57014': results.codes['40001'] } });
  assert.ok(canceled.some((l) => l.client === 'Npgsql' && /OperationCanceledException/.test(l.snippet!.code)), 'Npgsql rethrows its own cancellations');
  assert.match(lines.find((l) => l.client === 'Spring JDBC')!.short, /CannotSerializeTransactionException/);
  assert.ok(!clientLines('22P07', { ...results, codes: { '22P07': results.codes['40001'] } }).some((l) => l.client === 'Spring JDBC'), 'no Spring line for a code its lists leave to the fallback');
});
