import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inlineHtml, paragraphs } from '../../src/lib/inline-markup.ts';

test('backticks become code, everything is escaped', () => {
  assert.equal(inlineHtml('use `a < b` & <b>x</b>'), 'use <code>a &lt; b</code> &amp; &lt;b&gt;x&lt;/b&gt;');
});

test('blank lines separate paragraphs; single newlines are spaces', () => {
  assert.deepEqual(paragraphs('one\ntwo\n\nthree'), ['one two', 'three']);
});
