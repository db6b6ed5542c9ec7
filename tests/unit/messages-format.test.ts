import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedWords, messageParts, messagePattern } from '../../src/lib/messages/format.ts';

test('placeholders are split out and named', () => {
  assert.deepEqual(messageParts('relation "%s" does not exist'), [
    { text: 'relation "' }, { placeholder: 'name' }, { text: '" does not exist' },
  ]);
  assert.deepEqual(messageParts('%d%% of %lu'), [
    { placeholder: 'number' }, { text: '%' }, { text: ' of ' }, { placeholder: 'number' },
  ]);
});

test('a format matches the messages it produces, and not others', () => {
  const re = messagePattern('value too long for type character varying(%d)');
  assert.ok(re.test('ERROR: value too long for type character varying(20)'));
  assert.ok(!re.test('value too long for type character(20)'));
  assert.ok(messagePattern('a (b) [c] $d').test('a (b) [c] $d'), 'regex characters are escaped');
});

test('fixed words drop names, numbers and placeholders', () => {
  assert.deepEqual(fixedWords('column "%s" of relation "%s" does not exist'), ['column', 'of', 'relation', 'does', 'not', 'exist']);
  assert.deepEqual(fixedWords('value too long for type character varying(20)'), ['value', 'too', 'long', 'for', 'type', 'character', 'varying']);
});
