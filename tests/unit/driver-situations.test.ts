// A code met in more than one way: each way is a client case of its own, and the page's lines
// say which way each line is about.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientResults, linesFor } from '../../src/lib/drivers/index.ts';
import { clientsIntro } from '../../src/lib/drivers/intro.ts';
import { casesOfCode, codeOfCase, SITUATIONS } from '../../src/lib/drivers/situations.ts';

test('a situation case belongs to its code, after the plain case', () => {
  assert.equal(codeOfCase('08001:unknown-host'), '08001');
  assert.deepEqual(casesOfCode('08001', ['08006', '08001:unknown-host', '08001']), ['08001', '08001:unknown-host']);
});

test('every situation in the committed client results has a label, and 08001 shows each way per client', () => {
  for (const id of Object.keys(clientResults.codes)) {
    if (id.includes(':')) assert.ok(SITUATIONS[id] && SITUATIONS[codeOfCase(id)], `${id} needs a label, and so does its plain case`);
  }
  const run = linesFor('08001').filter((l) => l.basis === 'run');
  const psycopg = run.filter((l) => l.client === 'psycopg 3').map((l) => l.situation);
  assert.deepEqual(psycopg, ['Connection refused', 'Server that never answers (connect timeout)', 'Client requires SSL, server has none', 'Unknown host']);
  // What the real clients said for a name that does not resolve.
  const unknown = run.filter((l) => l.situation === 'Unknown host');
  assert.match(unknown.find((l) => l.client === 'pgjdbc')!.short, /PSQLException/);
  assert.match(unknown.find((l) => l.client === 'node-postgres')!.says, /ENOTFOUND/);
  assert.match(unknown.find((l) => l.client === 'psql')!.says, /could not translate host name/);
  // A listener that never answers: only the client's own timeout ends it, and pgjdbc calls it 08001.
  const hung = run.filter((l) => l.situation === 'Server that never answers (connect timeout)');
  assert.match(hung.find((l) => l.client === 'psql')!.says, /timeout expired/);
  assert.match(hung.find((l) => l.client === 'pgjdbc')!.says, /08001/);
  // sslmode=require against a server without SSL: libpq's own text, pgjdbc's 08004.
  const ssl = run.filter((l) => l.situation === 'Client requires SSL, server has none');
  assert.match(ssl.find((l) => l.client === 'psycopg2')!.says, /server does not support SSL, but SSL was required/);
  assert.match(ssl.find((l) => l.client === 'pgjdbc')!.says, /08004/);
});

test('a code met one way only has no situation labels', () => {
  assert.ok(linesFor('28P01').every((l) => l.situation === undefined));
});

test('a real crash (57P02): no snippet to catch it by, pgjdbc and asyncpg report their own codes, psql shows the WARNING', () => {
  const lines = linesFor('57P02');
  assert.ok(lines.filter((l) => l.basis === 'run').every((l) => !l.snippet), 'no run line has a snippet');
  // Cited: what pgx, lib/pq and Npgsql give for the lost connection, and where the notice goes.
  assert.deepEqual(lines.filter((l) => l.basis === 'cited').map((l) => l.client), ['pgx', 'lib/pq', 'Npgsql']);
  assert.match(lines.find((l) => l.client === 'pgx')!.says, /io\.ErrUnexpectedEOF.*OnNotice/s);
  assert.match(lines.find((l) => l.client === 'lib/pq')!.says, /driver\.ErrBadConn.*ConnectorWithNoticeHandler/s);
  assert.match(lines.find((l) => l.client === 'Npgsql')!.says, /Exception while reading from stream.*Notice/s);
  assert.match(lines.find((l) => l.client === 'psql')!.says, /WARNING:  57P02/);
  assert.match(lines.find((l) => l.client === 'pgjdbc')!.says, /08006/);
  assert.match(lines.find((l) => l.client === 'psycopg 3')!.says, /only as a WARNING notice/);
});

test("the session's own backend killed (08006): nothing from the server, each client's own report, no snippet", () => {
  const killed = linesFor('08006').filter((l) => l.basis === 'run' && l.situation === SITUATIONS['08006:backend-killed']);
  assert.equal(new Set(killed.map((l) => l.client)).size, 11, 'every client that runs here has a line');
  assert.ok(killed.every((l) => !l.snippet), 'nothing to catch by a server code');
  assert.match(killed.find((l) => l.client === 'psql')!.says, /server closed the connection unexpectedly/);
  assert.match(killed.find((l) => l.client === 'pgjdbc')!.says, /08006.*own code/);
  assert.match(killed.find((l) => l.client === 'asyncpg')!.says, /ConnectionDoesNotExistError.*08003/);
  assert.match(killed.find((l) => l.client === 'psycopg 3')!.says, /no SQLSTATE.*sent nothing/);
  // The plain case is still there, with its snippets; each way has its own cited lines, labelled.
  const all = linesFor('08006');
  assert.ok(all.some((l) => l.situation === SITUATIONS['08006'] && l.snippet));
  const cited = all.filter((l) => l.basis === 'cited');
  assert.ok(cited.every((l) => l.situation), 'every cited line says which way it is about');
  const pgxKilled = cited.find((l) => l.client === 'pgx' && l.situation === SITUATIONS['08006:backend-killed'])!;
  assert.match(pgxKilled.says, /ErrUnexpectedEOF/);
  assert.doesNotMatch(pgxKilled.says, /OnNotice/, 'no notice when the own backend is killed');
  assert.match(cited.find((l) => l.client === 'pgx' && l.situation === SITUATIONS['08006'])!.says, /PgError/);
});

test('the intro says how each way was run', () => {
  const range = 'PostgreSQL 14.23–18.4';
  assert.match(clientsIntro('08006', { '08006': 'raise', '08006:backend-killed': 'killed' }, range), /RAISE.*own backend was killed/s);
  assert.match(clientsIntro('57P02', { '57P02': 'crash' }, range), /another backend was killed/);
  assert.doesNotMatch(clientsIntro('23505', { '23505': 'raise', '08006:backend-killed': 'killed' }, range), /killed/);
});
