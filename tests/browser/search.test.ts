// Search in real Chromium: each query finds the right page first, and Enter lands on it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserSuite } from '../support/browser-suite.ts';

const env = browserSuite();

const QUERIES: [string, string][] = [
  ['08006', '08006'],
  ['22p02', '22P02'],
  ['SQLSTATE 08006', '08006'],
  ['error 40P01', '40P01'],
  ['connection_failure', '08006'],
  ['unique violation', '23505'],
  ['duplicate key value violates unique constraint "users_email_key"', '23505'],
  ['relation "orders" does not exist', '42P01'],
  ['ERROR:  column "emial" does not exist', '42703'],
  ['deadlock detected', '40P01'],
  // client class names, as pasted from a traceback
  ['PG::TRSerializationFailure', '40001'],
  ['psycopg.errors.UniqueViolation', '23505'],
  ['asyncpg.exceptions.UniqueViolationError', '23505'],
];

for (const [query, code] of QUERIES) {
  test(`"${query}" finds ${code} first and Enter opens it`, async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.origin}/`);
    await page.locator('#search-input').fill(query);
    const first = page.locator('#search-results a').first();
    await first.waitFor();
    assert.equal(await first.getAttribute('href'), `/errors/${code}/`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/errors/${code}/`);
    assert.equal(await page.locator('h1 .code-id').first().textContent(), code);
    await page.close();
  });
}

test('"/" focuses the search box from an entry page, and results show code, name and class', async () => {
  const page = await env.browser.newPage();
  await page.goto(`${env.origin}/errors/08006/`);
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input');
  await page.keyboard.type('23505');
  const first = page.locator('#search-results a').first();
  await first.waitFor();
  const text = await first.innerText();
  assert.match(text, /23505/);
  assert.match(text, /unique_violation/);
  assert.match(text, /Integrity Constraint Violation/);
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '/errors/23505/');
  await page.close();
});

test('a code that does not exist does not jump to a prefix match', async () => {
  const page = await env.browser.newPage();
  await page.goto(`${env.origin}/`);
  await page.locator('#search-input').fill('08009');
  await page.locator('#search-results .r-note').waitFor();
  assert.match(await page.locator('#search-results .r-note').innerText(), /08009 is not a PostgreSQL SQLSTATE/);
  await page.keyboard.press('Enter');
  await page.locator('#search-results .r-note').waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
  await page.close();
});

test('a search for markup shows it as text and runs nothing', async () => {
  const page = await env.browser.newPage();
  let dialog = false;
  page.on('dialog', async (d) => { dialog = true; await d.dismiss(); });
  await page.goto(`${env.origin}/`);
  await page.locator('#search-input').fill('<img src=x onerror=alert(1)>');
  await page.locator('#search-results li').first().waitFor();
  assert.equal(await page.locator('#search-results img').count(), 0);
  assert.equal(dialog, false);
  await page.close();
});

test('an address-bar search (/?q=) for a code or a condition name opens its page; other text shows results', async () => {
  const page = await env.browser.newPage();
  await page.goto(`${env.origin}/?q=23505`);
  await page.waitForURL('**/errors/23505/');
  await page.goto(`${env.origin}/?q=deadlock_detected`);
  await page.waitForURL('**/errors/40P01/');
  await page.goto(`${env.origin}/?q=${encodeURIComponent('duplicate key value violates unique constraint')}`);
  const first = page.locator('#search-results a').first();
  await first.waitFor();
  assert.equal(await first.getAttribute('href'), '/errors/23505/');
  assert.equal(new URL(page.url()).pathname, '/', 'a message is answered with results, not a jump');
  await page.close();
});

test('results show what the error is, and for a pasted message the server text it matched', async () => {
  const page = await env.browser.newPage();
  await page.goto(`${env.origin}/`);
  await page.locator('#search-input').fill('duplicate key value violates unique constraint "users_email_key"');
  const first = page.locator('#search-results a').first();
  await first.locator('.r-summary').waitFor();
  const summary = await first.locator('.r-summary').innerText();
  const api = (await (await fetch(`${env.origin}/api/search-summaries.json`)).json()) as Record<string, string>;
  assert.equal(summary, api['23505']);
  assert.match(summary, /\S{4,}/);
  assert.match(await first.locator('.r-matched').innerText(), /^Matches: duplicate key value violates unique constraint "/);
  await page.close();
});
