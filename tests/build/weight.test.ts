// Byte budgets that can be tests (time budgets live in npm run bench): an authored entry page
// stays small, loads no search code and no fonts before the search box is used.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { brotliCompressSync } from 'node:zlib';
import { DIST, distFiles, page, requireDist } from '../support/dist.ts';

before(requireDist);

const ENTRY_BUDGET = 20 * 1024;
const brotli = (bytes: Buffer | string) => brotliCompressSync(bytes).length;

function onLoad(path: string) {
  const html = page(path);
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  const assets = [...scripts, ...styles].map((src) => readFileSync(DIST + src));
  return { html, scripts, total: brotli(html) + assets.reduce((n, a) => n + brotli(a), 0) };
}

test(`an authored entry page is at most ${ENTRY_BUDGET / 1024} KB brotli before any search`, () => {
  const { total, scripts, html } = onLoad('/errors/08006/');
  assert.ok(total <= ENTRY_BUDGET, `${total} bytes`);
  assert.ok(scripts.every((s) => !/search|pagefind/.test(s)), `scripts on load: ${scripts}`);
  assert.doesNotMatch(html, /pagefind[\w-]*\.js/, 'Pagefind code is not referenced before the search box is used');
});

test('no web fonts anywhere', () => {
  assert.deepEqual(distFiles().filter((f) => /\.(woff2?|ttf|otf|eot)$/.test(f)), []);
  assert.doesNotMatch(page('/errors/08006/'), /@font-face/);
});
