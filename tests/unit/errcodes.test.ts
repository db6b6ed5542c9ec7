import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseErrcodes, parseTsv, unescapeC } from '../../src/lib/errcodes.ts';

const SAMPLE = `# comment
Section: Class 34 - Invalid Cursor Name

34000    E    ERRCODE_INVALID_CURSOR_NAME                                    invalid_cursor_name

Section: Class 42 - Syntax Error or Access Rule Violation

42601    E    ERRCODE_SYNTAX_ERROR                                           syntax_error
34000    E    ERRCODE_UNDEFINED_CURSOR
`;

test('sections give the class; a line without a name is a second macro for its code', () => {
  const lines = parseErrcodes(SAMPLE);
  assert.equal(lines.length, 2);
  assert.deepEqual(lines[0], {
    code: '34000', type: 'error', macro: 'ERRCODE_INVALID_CURSOR_NAME', macroAliases: ['ERRCODE_UNDEFINED_CURSOR'],
    name: 'invalid_cursor_name', classCode: '34', className: 'Invalid Cursor Name',
  });
});

test('a code outside its section is an error', () => {
  assert.throws(() => parseErrcodes('Section: Class 42 - X\n08006 E ERRCODE_X connection_failure\n'), /outside its section/);
});

test('C escapes and TSV rows', () => {
  assert.equal(unescapeC('relation \\"%s\\" does not exist'), 'relation "%s" does not exist');
  assert.deepEqual(parseTsv('a\tb\n1\t2\n'), [{ a: '1', b: '2' }]);
});
