// The message search on the real imported data: a paste of each kind lands on its code, in every
// language the data carries, fetching only the shards its first words point to.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadEntries } from '../../src/lib/entry-files.ts';
import { createMessageLookup, type LookupResult } from '../../src/lib/messages/lookup.ts';
import { formatKey, shardOf, shardsFor, textKeys } from '../../src/lib/messages/keys.ts';
import { messageSearchData } from '../../src/lib/messages/site.ts';
import type { Entry } from '../../src/lib/entry-schema.ts';

let data: ReturnType<typeof messageSearchData>;
let fetched: string[] = [];
let lookup: (paste: string) => Promise<LookupResult>;

before(() => {
  const entries = new Map<string, Entry>(loadEntries().entries.map((e) => [e.code, e]));
  data = messageSearchData(entries);
  lookup = createMessageLookup(async (url) => {
    fetched.push(url);
    const name = url.split('/').pop()!.replace(/\.json$/, '');
    const body = name === 'index' ? data.manifest : data.shards.get(name);
    if (!body) throw new Error(`no such file ${url}`);
    return structuredClone(body);
  });
});

async function first(paste: string) {
  fetched = [];
  const r = await lookup(paste);
  return { lang: r.lang, code: r.matches[0]?.codes[0], match: r.matches[0], fetched: fetched.length };
}

test('every format of every language sits in the shard its own key points to', () => {
  for (const [lang, bounds] of Object.entries(data.manifest.bounds)) {
    for (const [name, rows] of data.shards) {
      if (!name.startsWith(`${lang}-`)) continue;
      const n = Number(name.slice(lang.length + 1));
      for (const row of rows) assert.equal(shardOf(formatKey(row[0]), bounds), n, `${lang}: ${row[0]}`);
    }
  }
});

test('a message filled in from its format needs the format\'s shard', () => {
  const bounds = data.manifest.bounds.en;
  for (const [name, rows] of data.shards) {
    if (!name.startsWith('en-')) continue;
    for (const row of rows.slice(0, 200)) {
      const filled = row[0].replace(/%[-+ #0]*\d*(?:\.\d+)?(?:l|ll|z)?[sdu]/g, 'x_1');
      assert.ok(shardsFor([filled], bounds).includes(Number(name.slice(3))), row[0]);
    }
  }
});

test('keys are the first words before a placeholder', () => {
  assert.equal(formatKey('could not open file "%s": %m'), 'could not open');
  assert.equal(formatKey('relation "%s" does not exist'), 'relation');
  assert.equal(formatKey('"%s" is not a table'), '');
  assert.deepEqual(textKeys('relation "kunden" does not exist'), ['relation', 'relation kunden', 'relation kunden does']);
});

test('an elog() internal error is XX000', async () => {
  const r = await first('ERROR:  variable not found in subplan target list');
  assert.equal(r.code, 'XX000');
  assert.equal(r.match.how, 'elog');
});

test('the operating-system text picks the code of an errno-mapped message', async () => {
  const enoent = await first('ERROR:  could not open file "base/16384/2619": No such file or directory');
  assert.equal(enoent.code, '58P01');
  assert.equal(enoent.match.os?.errno, 'ENOENT');
  assert.equal((await first('ERROR:  could not extend file "base/16384/16385": No space left on device')).code, '53100');
  assert.equal((await first('ERROR:  could not open file "pg_wal/0001": Permission denied')).code, '42501');
  assert.equal((await first('LOG:  could not receive data from client: Connection reset by peer')).code, '08006');
  // An OS text the mapping does not name: every code of the mapping, in its order.
  const open = await first('ERROR:  could not open file "base/16384/2619": Structure needs cleaning');
  assert.ok(open.match.codes.length > 3, 'lists the possible codes');
  assert.equal(open.match.codes[0], '42501');
  assert.ok(open.match.codes.includes('XX000'));
});

test('an older wording matches, marked with its majors', async () => {
  const r = await first('FATAL:  remaining connection slots are reserved for non-replication superuser connections');
  assert.equal(r.code, '53300');
  assert.equal(r.match.majors, '14,15');
  const newer = await first('FATAL:  remaining connection slots are reserved for roles with the SUPERUSER attribute');
  assert.equal(newer.code, '53300');
});

test('a libpq or psql text lands on the entry that explains it', async () => {
  assert.equal((await first('SSL SYSCALL error: EOF detected')).code, '08006');
  assert.equal((await first('Is the server running on that host and accepting TCP/IP connections?')).code, '08001');
  assert.equal((await first('psql: canceled by user')).code, '57014');
});

test('a driver\'s exception text and a verbose SQLSTATE are read through', async () => {
  assert.equal((await first('psycopg.errors.UndefinedTable: relation "kunden" does not exist')).code, '42P01');
  assert.equal((await first('2026-12-03 10:00:00.123 UTC [4711] app@db ERROR:  42P01: relation "kunden" does not exist')).code, '42P01');
});

test('a format that fits where the message starts beats a longer one starting with a placeholder', async () => {
  // "%s: column "%s" does not exist" (an elog) also matches, through the label or the exception name.
  assert.equal((await first('ERROR:  column "emial" does not exist')).code, '42703');
  assert.equal((await first('psycopg.errors.UndefinedColumn: column "emial" does not exist')).code, '42703');
});

test('a DETAIL line matches after the messages', async () => {
  const r = await first('Key (email)=(a@example.com) already exists.');
  assert.equal(r.code, '23505');
  assert.equal(r.match.kind, 'd');
});

const TRANSLATED: [string, string, string][] = [
  ['de', 'FEHLER:  Relation »kunden« existiert nicht', '42P01'],
  ['fr', 'ERREUR:  la relation « kunden » n\'existe pas', '42P01'],
  ['es', 'ERROR:  no existe la relación «kunden»', '42P01'],
  ['ru', 'ОШИБКА:  отношение "kunden" не существует', '42P01'],
  ['ja', 'ERROR:  リレーション"kunden"は存在しません', '42P01'],
  ['zh_CN', '错误:  关系 "kunden" 不存在', '42P01'],
  ['ko', '오류:  "kunden" 이름의 릴레이션(relation)이 없습니다', '42P01'],
  ['de', 'FEHLER:  doppelter Schlüsselwert verletzt Unique-Constraint »users_email_key«', '23505'],
  ['ru', 'ОШИБКА:  деление на ноль', '22012'],
];

for (const [lang, paste, code] of TRANSLATED) {
  test(`a translated message (${lang}) matches its English format: ${paste}`, async () => {
    const r = await first(paste);
    assert.equal(r.lang, lang);
    assert.equal(r.code, code);
    assert.ok(r.match.english, 'shows the English text');
  });
}

test('an English paste fetches the manifest and at most three shards', async () => {
  for (const paste of ['ERROR:  relation "kunden" does not exist', 'ERROR:  could not open file "x": No such file or directory', 'FATAL:  password authentication failed for user "app"']) {
    const r = await first(paste);
    assert.ok(r.code, paste);
    assert.ok(r.fetched <= 4, `${paste}: ${r.fetched} files`);
  }
});
