// The pieces of the message search and the messages pages, each on small inputs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markSuccessors, messagesForCode, type CodeMessage } from '../../src/lib/messages/by-code.ts';
import { osErrorIn } from '../../src/lib/messages/errno.ts';
import { fixedLength, messagePattern } from '../../src/lib/messages/format.ts';
import { parseErrnoTables, tieDetails } from '../../src/lib/messages/import.ts';
import { cutShards, shardOf } from '../../src/lib/messages/keys.ts';
import { rankLanguages, type LanguageProfile } from '../../src/lib/messages/language.ts';
import { majorsLabel } from '../../src/lib/messages/match.ts';
import { findLabels, readPaste } from '../../src/lib/messages/paste.ts';
import { bareLabel } from '../../src/lib/messages/search-index.ts';

test('translated formats: positional placeholders and no-break spaces', () => {
  assert.ok(messagePattern('la relation « %1$s » n\'existe pas').test('la relation « kunden » n\'existe pas'));
  assert.ok(messagePattern('ASTUCE\u00a0: %s').test('ASTUCE : voir'), 'a no-break space matches a space');
  assert.ok(fixedLength('关系 "%s" 不存在') >= 12, 'Han characters weigh more than Latin letters');
});

test('labels are found in any language, with a verbose SQLSTATE, and not inside words', () => {
  const labels = ['ERROR', 'FEHLER', 'DETAIL', 'ОШИБКА', 'LOG'];
  assert.deepEqual(findLabels('FEHLER:  42P01: Relation »x« existiert nicht', labels).map((m) => m.rest), ['Relation »x« existiert nicht']);
  assert.deepEqual(findLabels('ERROR: dup DETAIL: Key (id)=(1) already exists.', labels).map((m) => m.label), ['ERROR', 'DETAIL']);
  assert.deepEqual(findLabels('could not write to CATALOG: x', labels), []);
  assert.deepEqual(bareLabel('ASTUCE :  '), 'ASTUCE');
  assert.deepEqual(bareLabel('DETAIL:  %s\n'), 'DETAIL');
});

test('a paste without a label may start at the line or after any ": "', () => {
  const p = readPaste('psycopg.errors.UndefinedTable: relation "x" does not exist\nLINE 1: select * from x', ['ERROR']);
  assert.ok(p.starts.includes('relation "x" does not exist'));
  assert.deepEqual(readPaste('ERROR:  deadlock detected', ['ERROR']).starts, ['deadlock detected']);
});

test('shards are cut between keys, never inside one', () => {
  const rows = ['a', 'a', 'a', 'b', 'c', 'c', ''].map((key, i) => ({ key, row: i, bytes: 10 }));
  const { bounds, shards } = cutShards(rows, 20);
  assert.deepEqual(shards[0], [6], 'the empty key is shard 0');
  for (const [i, shard] of shards.entries()) if (i > 0) for (const r of shard) assert.equal(shardOf(rows[r].key, bounds), i);
  assert.equal(new Set(shards.slice(1).map((s) => rows[s[0]].key)).size, shards.length - 1);
});

const profiles: LanguageProfile[] = [
  { lang: 'en', labels: ['ERROR', 'FATAL', 'DETAIL'], words: ['the', 'does'] },
  { lang: 'de', labels: ['FEHLER', 'FATAL'], words: ['nicht', 'existiert'] },
  { lang: 'ru', labels: ['ОШИБКА'], words: ['не'] },
  { lang: 'uk', labels: ['ПОМИЛКА'], words: ['не', 'існує'] },
  { lang: 'es', labels: ['ERROR'], words: ['relación'] },
];

test('language detection: a label decides, a shared label does not, the script narrows, words break ties', () => {
  assert.equal(rankLanguages('Relation »x« existiert nicht', ['FEHLER'], profiles)[0], 'de');
  assert.equal(rankLanguages('relation "x" does not exist', ['FATAL'], profiles)[0], 'en', 'FATAL is English too');
  assert.equal(rankLanguages('відношення "x" не існує', [], profiles)[0], 'uk');
  assert.equal(rankLanguages('отношение "x" не существует', [], profiles)[0], 'ru');
  assert.deepEqual(rankLanguages('no existe la relación «x»', ['ERROR'], profiles), ['en', 'es'], 'English first, Spanish next');
  assert.equal(rankLanguages('relation "клиенты" does not exist', [], profiles).at(-1), 'en', 'English stays a fallback for a Cyrillic name');
});

test('the OS text names the errno, longest text first', () => {
  const map = { file: { ENOENT: '58P01', ENFILE: '53000', EMFILE: '53000', default: 'XX000' }, socket: { ECONNRESET: '08006', default: 'XX000' }, dsm: { ENOMEM: '53200', other: 'file' } };
  assert.deepEqual(osErrorIn('x: No such file or directory', 'file-errno', map), { errno: 'ENOENT', text: 'No such file or directory', code: '58P01' });
  assert.equal(osErrorIn('x: Too many open files in system', 'file-errno', map)?.errno, 'ENFILE');
  assert.equal(osErrorIn('x: No such file or directory', 'dsm-errno', map)?.code, '58P01', 'dsm falls back to the file mapping');
  assert.equal(osErrorIn('x: Structure needs cleaning', 'file-errno', map), null);
});

test('majors print as ranges', () => {
  assert.equal(majorsLabel('14,15,16'), '14–16');
  assert.equal(majorsLabel('14,15,17,18,19'), '14–15, 17–19');
  assert.equal(majorsLabel('19'), '19');
});

test('the errno tables are read from the data README', () => {
  const readme = [
    '`errcode_for_file_access()` (elog.c), errno -> SQLSTATE, per major:', '',
    '| errno | 14 | 18 |', '| --- | --- | --- |', '| `ENOENT` | 58P01 undefined_file | 58P01 undefined_file |', '| `ENAMETOOLONG` | - | 58P03 file_name_too_long |', '',
    '`errcode_for_socket_access()` (elog.c):', '', '| errno | 14 | 18 |', '| --- | --- | --- |', '| `EPIPE` | 08006 connection_failure | 08006 connection_failure |', '',
    '`errcode_for_dynamic_shared_memory()` (x):', '', '| errno | 14 | 18 |', '| --- | --- | --- |', '| `other` | as errcode_for_file_access() | as errcode_for_file_access() |', '',
  ].join('\n');
  const t = parseErrnoTables(readme);
  assert.deepEqual(t.majors, ['14', '18']);
  assert.deepEqual(t.file[1], { errno: 'ENAMETOOLONG', codes: { 14: null, 18: '58P03' } });
  assert.equal(t.dsm[0].codes['18'], 'file');
  assert.throws(() => parseErrnoTables('nothing here'), /no table introduced by/);
});

test('a DETAIL belongs to the nearest errmsg above it with the same code', () => {
  const rows = [
    { text: 'first', kind: 'errmsg', sqlstate: '23505', file: 'a.c', lines: '18:10' },
    { text: 'Key exists.', kind: 'errdetail', sqlstate: '23505', file: 'a.c', lines: '18:12' },
    { text: 'far away', kind: 'errdetail', sqlstate: '23505', file: 'a.c', lines: '18:40' },
    { text: 'other code', kind: 'errhint', sqlstate: '42P01', file: 'a.c', lines: '18:11' },
  ];
  const tied = tieDetails(rows);
  assert.deepEqual(tied[1].with, ['first']);
  assert.equal(tied[2].with, undefined, 'more than a few lines below');
  assert.equal(tied[3].with, undefined, 'another code: another report');
});

test('a message only in older majors points to the wording that replaced it', () => {
  const m = (text: string, majors: number[]): CodeMessage => ({ text, role: 'message', levels: ['FATAL'], how: 'literal', codes: ['53300'], files: ['postinit.c'], majors, details: [], notes: [] });
  const old = m('remaining connection slots are reserved for non-replication superuser connections', [14, 15]);
  const next = m('remaining connection slots are reserved for roles with the %s attribute', [16, 17, 18, 19]);
  markSuccessors([old, next, m('too many connections for role "%s"', [14, 15, 16, 17, 18, 19])]);
  assert.equal(old.successor, next.text);
  assert.equal(next.successor, undefined);
});

test('the real data: 23505 has its DETAIL tied, 53300 its older wording, XX000 elog texts', () => {
  const dup = messagesForCode('23505').find((x) => x.text === 'duplicate key value violates unique constraint "%s"');
  assert.ok(dup?.details.some((d) => d.text === 'Key %s already exists.'));
  assert.ok(messagesForCode('53300').some((x) => x.successor));
  assert.ok(messagesForCode('XX000').some((x) => x.how === 'elog' && x.text === 'variable not found in subplan target list'));
});
