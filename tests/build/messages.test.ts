// The messages pages in the built site: every message of 14-19, older wordings marked, errno and
// default codes explained, DETAIL/HINT texts under their message, translations folded.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { page, requireDist } from '../support/dist.ts';

before(requireDist);
// The page's main text, placeholders as the reader sees them without the CSS marks: ‹name› is "name".
const text = (html: string) => (/<main[\s\S]*<\/main>/.exec(html)?.[0] ?? html).replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

test('an older wording is marked with the majors that have it and the wording that replaced it', () => {
  const t = text(page('/errors/53300/messages/'));
  assert.match(t, /remaining connection slots are reserved for non-replication superuser connections FATAL · PostgreSQL 14–15/);
  assert.match(t, /Older wording: 16 and later say remaining connection slots are reserved for roles with the name attribute/);
});

test('a DETAIL appears under its message, and the translations are folded per language', () => {
  const html = page('/errors/23505/messages/');
  const t = text(html);
  assert.match(t, /duplicate key value violates unique constraint " name " ERROR · PostgreSQL 14–19 · \S+ DETAIL: Key name already exists\./);
  assert.match(html, /<details class="translations"><summary>German \(de\)/);
  assert.match(html, /lang="de"><span class="msg">doppelter Schlüsselwert verletzt Unique-Constraint/);
  assert.match(html, /lang="ja">/);
});

test('errno-mapped messages explain the mapping; XX000 lists elog texts', () => {
  const t = text(page('/errors/58P01/messages/'));
  assert.match(t, /ENOENT gives 58P01/);
  assert.match(t, /ENOSPC gives 53100/);
  const xx = text(page('/errors/XX000/messages/'));
  assert.match(xx, /Raised from the most places/);
  assert.match(xx, /cache lookup failed for/);
});

test('the entry page links to the messages page and stays short', () => {
  const html = page('/errors/42P01/');
  assert.match(html, /href="\/errors\/42P01\/messages\/"/);
  assert.match(text(html), /\d+ server messages carry this code in PostgreSQL 14–19/);
  assert.doesNotMatch(html, /class="translations"/, 'translations stay on the messages page');
});
