// The JSON API parses and agrees with the catalog and the authored entries.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { API_VERSION, errorDetailSchema, errorListSchema, jsonSchemaOf, messageListSchema, SCHEMA_PATHS, translationListSchema } from '../../src/lib/api-schema.ts';
import { codes } from '../../src/lib/catalog.ts';
import { loadEntries } from '../../src/lib/entry-files.ts';
import { page, requireDist } from '../support/dist.ts';

before(requireDist);

test('/api/errors.json lists every code with its facts', () => {
  const list = JSON.parse(page('/api/errors.json')).errors;
  const authored = new Set(loadEntries().entries.map((e) => e.code));
  assert.deepEqual(list.map((e: { code: string }) => e.code), codes.map((c) => c.code));
  for (const [i, item] of list.entries()) {
    assert.equal(item.name, codes[i].name);
    assert.equal(item.class, codes[i].classCode);
    assert.equal(item.authored, authored.has(item.code), item.code);
    assert.ok(item.url.endsWith(`/errors/${item.code}/`));
  }
});

test('/api/errors/<CODE>.json gives the whole entry', () => {
  const { entries } = loadEntries();
  for (const c of codes) {
    const detail = JSON.parse(page(`/api/errors/${c.code}.json`));
    assert.equal(detail.code, c.code);
    const entry = entries.find((e) => e.code === c.code);
    assert.deepEqual(detail.entry, entry ? JSON.parse(JSON.stringify(entry)) : null, c.code);
  }
});

test('every API file carries the version and validates against the schema it names', () => {
  const list = JSON.parse(page('/api/errors.json'));
  assert.equal(list.version, API_VERSION);
  assert.ok(list.$schema.endsWith(SCHEMA_PATHS.list));
  const listCheck = errorListSchema.safeParse(list);
  assert.ok(listCheck.success, `/api/errors.json: ${listCheck.error?.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  for (const c of codes) {
    const detail = JSON.parse(page(`/api/errors/${c.code}.json`));
    assert.ok(detail.$schema.endsWith(SCHEMA_PATHS.detail));
    const check = errorDetailSchema.safeParse(detail);
    assert.ok(check.success, `/api/errors/${c.code}.json: ${check.error?.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
});

test('/api/messages.json and /api/messages/<lang>.json validate, with versions, level and how the code is determined', () => {
  const list = JSON.parse(page('/api/messages.json'));
  const check = messageListSchema.safeParse(list);
  assert.ok(check.success, `/api/messages.json: ${check.error?.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const old = list.messages.find((m: { text: string }) => m.text === 'remaining connection slots are reserved for non-replication superuser connections');
  assert.deepEqual([old.sqlstates, old.level, old.how, old.majors], [['53300'], 'FATAL', 'literal', [14, 15]]);
  const errno = list.messages.find((m: { text: string; how: string }) => m.text === 'could not open file "%s": %m' && m.how === 'file-errno');
  assert.ok(errno.sqlstates.includes('58P01') && errno.sqlstates.includes('53100'));
  assert.ok(list.messages.some((m: { how: string; sqlstates: string[] }) => m.how === 'elog' && m.sqlstates[0] === 'XX000'));
  assert.ok(list.languages.length >= 20);
  for (const { lang, url } of list.languages) {
    const t = JSON.parse(page(new URL(url).pathname));
    const tc = translationListSchema.safeParse(t);
    assert.ok(tc.success, `${url}: ${tc.error?.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    assert.equal(t.lang, lang);
  }
  const de = JSON.parse(page('/api/messages/de.json')).translations;
  assert.ok(de.some((t: { msgid: string; msgstr: string }) => t.msgid === 'relation "%s" does not exist' && t.msgstr === 'Relation »%s« existiert nicht'));
});

test('the JSON Schema files served under /api/ are generated from the same schemas', () => {
  assert.deepEqual(JSON.parse(page(SCHEMA_PATHS.messages)), JSON.parse(JSON.stringify(jsonSchemaOf(messageListSchema))));
  assert.deepEqual(JSON.parse(page(SCHEMA_PATHS.translations)), JSON.parse(JSON.stringify(jsonSchemaOf(translationListSchema))));
  assert.deepEqual(JSON.parse(page(SCHEMA_PATHS.list)), JSON.parse(JSON.stringify(jsonSchemaOf(errorListSchema))));
  assert.deepEqual(JSON.parse(page(SCHEMA_PATHS.detail)), JSON.parse(JSON.stringify(jsonSchemaOf(errorDetailSchema))));
  assert.equal(JSON.parse(page(SCHEMA_PATHS.detail)).$schema, 'https://json-schema.org/draft/2020-12/schema');
});
