import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyCorrections, correctionsSchema } from '../../src/lib/messages/corrections.ts';
import { unexplainedObservations } from '../../src/lib/messages/observed.ts';
import { messagePattern } from '../../src/lib/messages/format.ts';

const rows: { text: string; kind: string; sqlstate: string; majors: string; note?: string }[] = [
  { text: 'target lists can have at most %d entries', kind: 'errmsg', sqlstate: '54000', majors: '14,15' },
  { text: 'target lists can have at most %d entries', kind: 'errmsg', sqlstate: '54011', majors: '16,17,18,19' },
  { text: 'JSON path expression should return single item', kind: 'errmsg', sqlstate: '22034', majors: '17' },
  { text: 'JSON path expression must return single item', kind: 'errmsg', sqlstate: '22034', majors: '18,19' },
];
const errno = { file: [{ errno: 'ENOMEM', codes: { '16': null, '17': '53200' } as Record<string, string | null> }], socket: [], dsm: [] };
const note = 'seen on current minors', evidence = 'a run';

test('a correction moves majors to the corrected row and out of the one they replace', () => {
  const out = applyCorrections(rows, errno, correctionsSchema.parse({
    messages: [
      { text: rows[0].text, sqlstate: '54011', addMajors: [14, 15], was: { sqlstate: '54000' }, note, evidence },
      { text: rows[3].text, sqlstate: '22034', addMajors: [17], was: { text: rows[2].text }, note, evidence },
    ],
    errno: [{ family: 'file', errno: 'ENOMEM', code: '53200', addMajors: [16], note, evidence }],
  }));
  assert.deepEqual(out.rows.map((r) => [r.sqlstate, r.majors, r.note]), [
    ['54011', '14,15,16,17,18,19', note],
    ['22034', '17,18,19', note],
  ]);
  assert.deepEqual(out.errno.file[0], { errno: 'ENOMEM', codes: { '16': '53200', '17': '53200' }, note });
  assert.equal(rows[0].majors, '14,15', 'the input is not changed');
});

test('a correction that matches nothing fails, naming it', () => {
  const bad = correctionsSchema.parse({ messages: [{ text: 'no such text', sqlstate: '54011', addMajors: [14], note, evidence }] });
  assert.throws(() => applyCorrections(rows, errno, bad), /no server message "no such text" with 54011/);
  assert.throws(() => correctionsSchema.parse({ messages: [{ text: 'x', sqlstate: '5401', addMajors: [14], note, evidence }] }), /SQLSTATE/);
});

test('what a server sent is checked against the catalog by major and code', () => {
  const seen = (major: string, sqlstate: string, message: string, id = 'case') => ({ case: id, major, sqlstate, message });
  assert.deepEqual(unexplainedObservations([seen('16', '54011', 'target lists can have at most 1664 entries')], rows), []);
  const [wrongCode] = unexplainedObservations([seen('14', '54011', 'target lists can have at most 1664 entries')], rows);
  assert.match(wrongCode, /case on 14: the server sent 54011 .* the catalog gives 54000/);
  const [wrongMajor] = unexplainedObservations([seen('17', '22034', 'JSON path expression must return single item')], rows);
  assert.match(wrongMajor, /which the catalog has only in 18,19/);
  // A case's own text that happens to fit a format is left out by name.
  assert.deepEqual(unexplainedObservations([seen('17', '22034', 'JSON path expression must return single item', 'P0004')], rows, ['P0004']), []);
});

test('a placeholder matches an empty value: the date input "" is a message too', () => {
  assert.ok(messagePattern('invalid input syntax for type %s: "%s"').test('invalid input syntax for type date: ""'));
});
