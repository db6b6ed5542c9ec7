// Every message an entry quotes as the server's (source `server` or `server log`) is one that
// PostgreSQL 14-18 can send: some message format of the catalog produces it, placeholders filled in.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { codes } from '../../src/lib/catalog.ts';
import { MessageIndex, quotedMessageProblems } from '../../src/lib/claims/quoted-messages.ts';
import { loadEntries } from '../../src/lib/entry-files.ts';

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const index = new MessageIndex(
  json('content/catalog/server-messages.json').messages,
  json('content/catalog/messages.json').messages.map((m: { text: string }) => m.text),
  codes.map((c) => c.name),
);

test('every quoted server message matches a PostgreSQL 14-18 message format', () => {
  const problems = loadEntries().entries.flatMap((e) => quotedMessageProblems(e, index).map((p) => `content/errors/${e.code}: ${p}`));
  assert.deepEqual(problems, [], `${problems.length} quoted message(s) the server does not send (fix the text, or give the right source)`);
});

test('the message check can fail, and knows placeholders, older wordings and RAISE defaults', () => {
  assert.ok(index.matches('duplicate key value violates unique constraint "users_email_key"'));
  assert.ok(!index.matches('duplicate key violates unique constraint "users_email_key"'), 'a misquote is caught');
  assert.ok(index.matches('FATAL:  terminating connection due to administrator command'), 'a level label is left out');
  assert.ok(index.matches('bind message supplies 1 parameters, but prepared statement "" requires 0'), 'an empty %s');
  assert.ok(index.matches('skipped more than REJECT_LIMIT (10) rows due to data type incompatibility'), 'an 18+ %<PRId64>');
  assert.ok(index.matches('invalid_transaction_initiation'), "RAISE's default text is the condition name");
  assert.ok(!index.matches('anything at all'), 'a bare %s format proves nothing and is not used');
});
