// Every message a real server sent in `npm run verify` (content/verification/results.json) is one
// the message catalog has for that major and code: the catalog is read where each major branched,
// so a back-patched text fails here until content/catalog-corrections.yaml records it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readCorrections } from '../../scripts/import-messages.ts';
import { serverRows } from '../../src/lib/messages/catalog.ts';
import { unexplainedObservations } from '../../src/lib/messages/observed.ts';
import { committedResults } from '../../src/lib/verification.ts';

test('every message the servers sent is in the catalog for its major, with its code', () => {
  const observed = Object.entries(committedResults.cases).flatMap(([id, c]) => Object.entries(c.majors).flatMap(([major, m]) =>
    ('got' in m ? m.got : []).flatMap((g) => (g.sqlstate && g.message ? [{ case: id, major, sqlstate: g.sqlstate, message: g.message }] : []))));
  assert.ok(observed.length > 1000, `only ${observed.length} messages in the results`);
  const problems = unexplainedObservations(observed, serverRows(), readCorrections().ignoreObserved.map((i) => i.case));
  assert.deepEqual(problems, [], 'add a correction to content/catalog-corrections.yaml and run npm run import-messages');
});

test('the committed catalog has every correction applied', () => {
  const rows = serverRows();
  for (const c of readCorrections().messages) {
    const row = rows.find((r) => r.text === c.text && r.sqlstate.split(',').includes(c.sqlstate) && r.note === c.note);
    assert.ok(row, `content/catalog-corrections.yaml: "${c.text}" is not applied: run npm run import-messages`);
    for (const m of c.addMajors) assert.ok(row.majors.split(',').includes(String(m)), `"${c.text}" lacks ${m}`);
  }
});
