// A code met in more than one way: each way is a client case of its own, and the page's lines
// say which way each line is about.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientResults, linesFor } from '../../src/lib/drivers/index.ts';
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
  assert.ok(lines.length > 0 && lines.every((l) => l.basis === 'run' && !l.snippet), 'only run lines, none with a snippet');
  assert.match(lines.find((l) => l.client === 'psql')!.says, /WARNING:  57P02/);
  assert.match(lines.find((l) => l.client === 'pgjdbc')!.says, /08006/);
  assert.match(lines.find((l) => l.client === 'psycopg 3')!.says, /only as a WARNING notice/);
});
