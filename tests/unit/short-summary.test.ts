import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shortSummary } from '../../src/lib/api.ts';

test('a search summary is the first sentence, cut at a word with an ellipsis when too long', () => {
  assert.equal(shortSummary('The row breaks a UNIQUE index.  Another sentence.'), 'The row breaks a UNIQUE index.');
  assert.equal(shortSummary('Version 1.5 of\nsomething is out'), 'Version 1.5 of something is out');
  const long = shortSummary(`${'word '.repeat(60)}end.`, 40);
  assert.ok(long.length <= 40 && long.endsWith('…') && !long.includes('wor…'), long);
});
