import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientClassNames, clientLines } from '../../src/lib/drivers/lines.ts';
import { linesFor } from '../../src/lib/drivers/index.ts';
import { lostConnectionLines } from '../../src/lib/drivers/lost-connection.ts';
import { hibernateException, ormLines, ormNames } from '../../src/lib/drivers/orms.ts';
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
  assert.deepEqual(lines.filter((l) => l.basis === 'cited').map((l) => l.client), ['pgx', 'lib/pq', 'Npgsql', 'Spring JDBC', 'Prisma', 'Hibernate ORM', 'Sequelize', 'TypeORM']);
  assert.ok(lines.filter((l) => l.basis === 'cited').every((l) => l.source?.url.startsWith('https://github.com/')));
  assert.deepEqual(clientLines('01000', results), [], 'a code no client was run for has no lines');
  const canceled = clientLines('57014', { ...results, codes: { '57014': results.codes['40001'] } });
  assert.ok(canceled.some((l) => l.client === 'Npgsql' && /OperationCanceledException/.test(l.snippet!.code)), 'Npgsql rethrows its own cancellations');
  assert.match(lines.find((l) => l.client === 'Spring JDBC')!.short, /CannotSerializeTransactionException/);
  assert.ok(!clientLines('22P07', { ...results, codes: { '22P07': results.codes['40001'] } }).some((l) => l.client === 'Spring JDBC'), 'no Spring line for a code its lists leave to the fallback');
});

// A results file where every code given was sent by RAISE (or, for `connect`, met when connecting).
const ranFor = (how: 'raise' | 'real' | 'connect', ...codes: string[]) =>
  collapse(Object.fromEntries(codes.map((c) => [c, how])), codes.map((c) => ({ major: 18, outcome: outcome({ id: c, client: 'node-postgres', raised: raised('DatabaseError', 'pg', c, false), snippet: { caught: true, printed: c } }) })), { 18: '18.4' });
const line = (lines: ReturnType<typeof clientLines>, client: string) => lines.find((l) => l.client === client);

test('ORM lines: 23505 is Prisma P2002 and Sequelize UniqueConstraintError, a code Prisma does not map has no Prisma line', () => {
  const lines = clientLines('23505', ranFor('raise', '23505'));
  assert.match(line(lines, 'Prisma')!.short, /PrismaClientKnownRequestError.*P2002/);
  assert.match(line(lines, 'Prisma')!.snippet!.code, /e instanceof Prisma\.PrismaClientKnownRequestError\) \|\| e\.code !== 'P2002'/);
  assert.match(line(lines, 'Sequelize')!.short, /UniqueConstraintError/);
  assert.match(line(lines, 'Sequelize')!.snippet!.code, /err instanceof UniqueConstraintError/);
  assert.match(line(lines, 'Hibernate ORM')!.says, /ConstraintViolationException.*`getKind\(\)` is `OTHER`/);
  assert.match(line(lines, 'TypeORM')!.snippet!.code, /err\.driverError\.code !== '23505'/);
  for (const code of ['40P01', '57014', '22P07', '23514']) assert.ok(!ormLines(code, 'raise').some((l) => l.client === 'Prisma'), `no Prisma line for ${code}`);
  assert.match(line(ormLines('40001', 'raise'), 'Prisma')!.short, /P2034/);
  assert.match(line(ormLines('28P01', 'connect'), 'Prisma')!.short, /P1000/);
  assert.match(line(ormLines('3D000', 'connect'), 'Prisma')!.short, /P1003/);
});

test('ORM lines: Sequelize classes and fallback, Hibernate conversion order, TypeORM on every code', () => {
  assert.match(line(ormLines('23503', 'raise'), 'Sequelize')!.short, /ForeignKeyConstraintError/);
  assert.match(line(ormLines('23P01', 'raise'), 'Sequelize')!.short, /ExclusionConstraintError/);
  const other = line(ormLines('22P07', 'raise'), 'Sequelize')!;
  assert.match(other.short, /DatabaseError/);
  assert.match(other.snippet!.code, /err\.parent\.code !== '22P07'/);
  assert.equal(hibernateException('40P01').exception, 'org.hibernate.exception.LockAcquisitionException');
  assert.equal(hibernateException('55P03').exception, 'org.hibernate.PessimisticLockException');
  assert.equal(hibernateException('57014').exception, 'org.hibernate.QueryTimeoutException');
  assert.equal(hibernateException('40001').exception, 'org.hibernate.exception.LockAcquisitionException');
  assert.equal(hibernateException('42P01').exception, 'org.hibernate.exception.SQLGrammarException');
  assert.equal(hibernateException('22012').exception, 'org.hibernate.exception.DataException');
  assert.equal(hibernateException('08006').exception, 'org.hibernate.exception.JDBCConnectionException');
  assert.equal(hibernateException('57P01').exception, 'org.hibernate.exception.GenericJDBCException');
  assert.ok(!ormLines('28P01', 'connect').some((l) => l.client === 'Hibernate ORM'), 'no Hibernate line for a failed connection');
  assert.ok(!ormLines('08001', 'connect').some((l) => l.client === 'Sequelize' || l.client === 'TypeORM'), 'no ORM line where pg has no SQLSTATE');
  assert.match(line(ormLines('28P01', 'connect'), 'Sequelize')!.short, /ConnectionError/);
  assert.match(line(ormLines('57014', 'real'), 'TypeORM')!.short, /QueryFailedError/);
});

test('every cited line names a source pinned to a tag or commit', () => {
  const pinned = /^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/(v?\d+(\.\d+)+|[0-9a-f]{40})\//;
  const codes = ['23505', '23503', '23P01', '42704', '40001', '40P01', '55P03', '57014', '22001', '22P07', '42P01', '23514'];
  const lines = [...codes.flatMap((c) => clientLines(c, ranFor('raise', c))), ...['28P01', '3D000'].flatMap((c) => clientLines(c, ranFor('connect', c))),
    ...lostConnectionLines('crash', '57P02'), ...lostConnectionLines('killed', '08006')];
  for (const l of lines.filter((x) => x.basis === 'cited')) {
    for (const s of [l.source, ...(l.moreSources ?? [])]) {
      assert.ok(s, `${l.client} has a source`);
      assert.match(s.url, pinned, `${l.client}: ${s.url}`);
    }
  }
});

test('search finds Prisma codes and the ORM classes of a few codes', () => {
  const results = ranFor('raise', '23505', '40P01');
  const names = clientClassNames('23505', results);
  for (const n of ['P2002', 'UniqueConstraintError', 'ConstraintViolationException']) assert.ok(names.includes(n), n);
  assert.ok(!names.includes('DatabaseError') && !names.includes('QueryFailedError') && !names.includes('GenericJDBCException'));
  assert.ok(clientClassNames('40P01', results).includes('LockAcquisitionException'));
  assert.deepEqual(ormNames('55P03'), ['PessimisticLockException']);
  assert.deepEqual(ormNames('42P01'), ['P2021'], 'SQLGrammarException covers all of class 42, so it is not indexed');
  assert.deepEqual(ormNames('22P07'), []);
});

test('every cited JavaScript snippet (Prisma, Sequelize, TypeORM) compiles', () => {
  // The ORMs cannot run here; their snippets are at least parsed, as the body of an async function.
  const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => unknown;
  let checked = 0;
  for (const code of ['23505', '23503', '40001', '42P01', '3D000', '42704']) {
    for (const line of linesFor(code)) {
      if (line.basis !== 'cited' || line.snippet?.lang !== 'javascript') continue;
      assert.doesNotThrow(() => new AsyncFunction('prisma', 'Prisma', 'data', 'sequelize', 'dataSource', 'QueryFailedError', 'sql', line.snippet!.code), `${line.client} ${code}`);
      checked++;
    }
  }
  assert.ok(checked >= 6, `${checked} snippets checked`);
});
