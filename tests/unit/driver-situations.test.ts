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

test('every situation in the committed client results has a label, and 08001 shows both ways per client', () => {
  for (const id of Object.keys(clientResults.codes)) {
    if (id.includes(':')) assert.ok(SITUATIONS[id] && SITUATIONS[codeOfCase(id)], `${id} needs a label, and so does its plain case`);
  }
  const run = linesFor('08001').filter((l) => l.basis === 'run');
  const psycopg = run.filter((l) => l.client === 'psycopg 3').map((l) => l.situation);
  assert.deepEqual(psycopg, ['Connection refused', 'Unknown host']);
  // What the real clients said for a name that does not resolve.
  const unknown = run.filter((l) => l.situation === 'Unknown host');
  assert.match(unknown.find((l) => l.client === 'pgjdbc')!.short, /PSQLException/);
  assert.match(unknown.find((l) => l.client === 'node-postgres')!.says, /ENOTFOUND/);
  assert.match(unknown.find((l) => l.client === 'psql')!.says, /could not translate host name/);
});

test('a code met one way only has no situation labels', () => {
  assert.ok(linesFor('28P01').every((l) => l.situation === undefined));
});
