// "In your code": every line comes from a real client run (content/verification/clients.json) or
// a cited source, and the wrong lines a naming rule used to produce are gone.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { codes } from '../../src/lib/catalog.ts';
import { clientResults } from '../../src/lib/drivers/index.ts';
import { isNoticeCode } from '../../scripts/verify/clients/cases.ts';
import { clientsPath, entryPath } from '../../src/lib/paths.ts';
import { page, requireDist } from '../support/dist.ts';

before(requireDist);

// The snippets are on /errors/<CODE>/in-your-code/; the entry page lists what to catch and links there.
const section = (code: string) => page(clientsPath(code));
const summary = (code: string) => {
  const html = page(entryPath(code));
  const start = html.indexOf('id="in-your-code"');
  return start < 0 ? '' : html.slice(start, html.indexOf('</div>', start));
};
const text = (html: string) => html.replace(/<[^>]+>/g, '')
  .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
  .replaceAll('&gt;', '>').replaceAll('&lt;', '<').replaceAll('&quot;', '"').replaceAll('&amp;', '&');

test('every error code was run through the clients, and every snippet shown worked', () => {
  for (const c of codes.filter((x) => x.type === 'error' && !isNoticeCode(x.code))) {
    const entry = clientResults.codes[c.code];
    assert.ok(entry, `${c.code} is in content/verification/clients.json`);
    for (const [client, records] of Object.entries(entry.clients)) {
      for (const r of records) assert.notEqual(r.snippetWorks, false, `${c.code} with ${client} on ${r.majors}: the snippet did not work`);
    }
  }
});

test('the entry page names what each client raises and links to the snippets', () => {
  const s = summary('40001');
  assert.match(text(s), /PG::TRSerializationFailure/);
  assert.match(text(s), /psycopg\.errors\.SerializationFailure/);
  assert.ok(s.includes(`href="${clientsPath('40001')}"`), 'links to the snippets page');
  assert.equal(summary('01000'), '', 'a warning code has no client list: clients get it as a notice');
});

test('ORMs: the class they wrap the driver error in, run for real', () => {
  const s = text(section('23505'));
  assert.match(s, /except sqlalchemy\.exc\.IntegrityError as e:\n\s+if e\.orig\.pgcode != "23505":/);
  assert.match(s, /except django\.db\.utils\.IntegrityError as e:/);
  assert.match(s, /rescue ActiveRecord::RecordNotUnique => e/);
  assert.match(text(section('28P01')), /NoDatabaseError/);
});

test('ruby-pg classes are the ones ruby-pg raises, not condition names', () => {
  const s = text(section('40001'));
  assert.match(s, /rescue PG::TRSerializationFailure => e/);
  assert.doesNotMatch(s, /PG::SerializationFailure\b/);
  assert.match(text(section('40P01')), /rescue PG::TRDeadlockDetected => e/);
});

test('no psql line carries a comment psql would reject', () => {
  for (const c of ['23505', '08006', '40001']) assert.doesNotMatch(text(section(c)), /\\set VERBOSITY verbose\s+--/);
});

test('codes without a client class of their own are caught by the base class and compared', () => {
  const s = text(section('22P07'));
  assert.match(s, /except psycopg\.Error as e:\n\s+if e\.sqlstate != "22P07":/);
  assert.match(s, /except psycopg2\.Error as e:/);
  assert.match(text(section('XX000')), /except psycopg\.errors\.InternalError_ as e:/);
});

test('a backend terminated mid-query shows what each client really gets', () => {
  const s = text(section('57P01'));
  assert.match(s, /except psycopg\.OperationalError as e:\n\s+print\(e\.sqlstate\)  # None, not 57P01/);
  assert.match(s, /CONNECTION_CLOSED/);
});

test("Npgsql's own cancellations are not caught as PostgresException", () => {
  assert.match(text(section('57014')), /catch \(OperationCanceledException e\)/);
});

test('a code met in more than one way says which way each client line is about', () => {
  const s = section('08001');
  assert.match(s, /Connection refused: /);
  assert.match(s, /Unknown host: .*could not translate host name/);
});

test("a lost connection: what each client gives when its own backend or another one is killed", () => {
  const killed = text(section('08006'));
  assert.match(killed, /own server process is killed[^]*psycopg 3[^]*server closed the connection unexpectedly/);
  assert.match(killed, /pgx v5, from source[^]*io\.ErrUnexpectedEOF/);
  const crash = text(section('57P02'));
  assert.match(crash, /WARNING:  57P02: terminating connection because of crash of another server process/);
  assert.match(crash, /lib\/pq v1\.10\.9, from source[^]*driver\.ErrBadConn[^]*ConnectorWithNoticeHandler/);
  assert.match(text(summary('08006')), /io\.ErrUnexpectedEOF/);
});
