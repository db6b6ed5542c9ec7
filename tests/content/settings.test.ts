// Every setting an entry names exists on PostgreSQL 14-18 as real servers report it (pg_settings,
// collected by `npm run verify` into content/catalog/settings.json); stated defaults equal the boot
// values; "new in N" names the first major that has it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import yaml from 'js-yaml';
import { getCode } from '../../src/lib/catalog.ts';
import { sameValue, Settings, settingMentions, settingProblems } from '../../src/lib/claims/settings.ts';
import { entrySchema, type Entry } from '../../src/lib/entry-schema.ts';
import { loadEntries } from '../../src/lib/entry-files.ts';

const settings = new Settings(JSON.parse(readFileSync('content/catalog/settings.json', 'utf8')));
const sinceOf = (code: string) => Math.max(14, Number.parseInt(getCode(code).since.replace('<=', ''), 10) || 14);

test('the settings catalog comes from all five majors', () => {
  assert.deepEqual(settings.majorsOf('deadlock_timeout'), ['14', '15', '16', '17', '18']);
  assert.deepEqual(settings.majorsOf('transaction_timeout'), ['17', '18']);
});

test('every setting, default and version an entry states matches the real servers', () => {
  const problems = loadEntries().entries.flatMap((e) => settingProblems(e, settings, sinceOf(e.code)).map((p) => `content/errors/${e.code}: ${p}`));
  assert.deepEqual(problems, [], `${problems.length} setting claim(s) disagree with pg_settings`);
});

test('the settings check can fail: unknown names, wrong defaults, wrong versions', () => {
  const fixture = yaml.load(readFileSync('tests/fixtures/valid/22012.yaml', 'utf8')) as object;
  const entry = (meaning: string, sql = 'SELECT 1'): Entry => entrySchema.parse({ ...fixture, meaning, fixes: [{ title: 't', when: 'w', why: 'y', code: { lang: 'sql', code: sql } }] });
  assert.match(settingProblems(entry('x', 'SET deadlock_timout = 5'), settings).join(), /`deadlock_timout` is not a setting/);
  assert.match(settingProblems(entry('`deadlock_timeout` (5 s by default)'), settings).join(), /boot value is 1000 ms/);
  assert.deepEqual(settingProblems(entry('`deadlock_timeout` (1 s by default)'), settings), []);
  assert.match(settingProblems(entry('`transaction_timeout` is new in 16'), settings).join(), /first major that has it is 17/);
  assert.match(settingProblems(entry('`transaction_timeout` ends long transactions'), settings).join(), /only from PostgreSQL 17/);
  assert.deepEqual(settingProblems(entry('`transaction_timeout` (PostgreSQL 17+) ends them'), settings), []);
  assert.deepEqual(settingMentions(entry('x', 'UPDATE t\nSET balance = 1;\nSHOW work_mem;'), () => true).map((m) => m.name), ['work_mem'], "UPDATE's SET is not a setting");
  assert.equal(sameValue('1 minute', { boot_val: '60', unit: 's', vartype: 'integer' }), true);
  assert.equal(sameValue('8MB', { boot_val: '1024', unit: '8kB', vartype: 'integer' }), true);
  assert.equal(sameValue('on', { boot_val: 'off', unit: null, vartype: 'bool' }), false);
});
