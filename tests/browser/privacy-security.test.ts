// Under the production headers: no request leaves the site's origin, no CSP violation while
// searching, and the print layout does not cut code off.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSuite } from '../support/browser-suite.ts';
import { PAGE_TYPES } from '../support/page-types.ts';

const env = browserSuite();

function watch(page: Page) {
  const foreign: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(env.origin) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { foreign, problems };
}

test('no page type requests anything from another origin', async () => {
  for (const [name, path] of Object.entries(PAGE_TYPES)) {
    const page = await env.browser.newPage();
    const { foreign } = watch(page);
    await page.goto(env.origin + path, { waitUntil: 'networkidle' });
    assert.deepEqual(foreign, [], name);
    await page.close();
  }
});

test('the CSP header is sent, and searching raises no violation or error', async () => {
  const page = await env.browser.newPage();
  const { foreign, problems } = watch(page);
  const response = await page.goto(`${env.origin}/errors/08006/`);
  assert.match((await response!.allHeaders())['content-security-policy'] ?? '', /script-src 'self'/);
  for (const query of ['23505', 'unique violation', 'relation "orders" does not exist', 'lock timeout']) {
    await page.locator('#search-input').fill(query);
    await page.locator('#search-results li').first().waitFor();
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await page.close();
});

test('an entry page prints without its chrome and without cutting code off', async () => {
  const page = await env.browser.newPage();
  await page.goto(`${env.origin}/errors/08006/`);
  await page.emulateMedia({ media: 'print' });
  const layout = await page.evaluate(() => ({
    header: getComputedStyle(document.querySelector('.site-header')!).display,
    clipped: [...document.querySelectorAll('pre')].filter((pre) => pre.scrollWidth > pre.clientWidth + 1).length,
  }));
  assert.equal(layout.header, 'none');
  assert.equal(layout.clipped, 0);
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000, 'a PDF was produced');
  await page.close();
});
