// Pages in real Chromium: readable without JavaScript, dark under prefers-color-scheme: dark.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codes } from '../../src/lib/catalog.ts';
import { browserSuite } from '../support/browser-suite.ts';

const env = browserSuite();

test('an entry page and the codes table are complete without JavaScript', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${env.origin}/errors/08006/`);
  assert.match(await page.locator('h1').innerText(), /08006/);
  for (const heading of ['What this means', 'Why it happens', 'How to reproduce', 'How to fix it', 'What not to do', 'See also']) {
    assert.ok(await page.getByRole('heading', { name: heading }).isVisible(), heading);
  }
  assert.ok(await page.locator('#fix-1').isVisible());
  assert.equal(await page.locator('button[type=button]:visible').count(), 0, 'copy buttons stay hidden without JS');
  await page.goto(`${env.origin}/errors/`);
  assert.equal(await page.locator('[data-code-table] tbody tr:visible').count(), codes.length);
  await context.close();
});

test('the codes table filters as you type with JavaScript', async () => {
  const page = await env.browser.newPage();
  await page.goto(`${env.origin}/errors/`);
  await page.locator('#table-filter').fill('unique_violation');
  assert.equal(await page.locator('[data-code-table] tbody tr:visible').count(), 1);
  await page.close();
});

test('the dark theme applies under prefers-color-scheme: dark', async () => {
  const colors = async (scheme: 'light' | 'dark') => {
    const context = await env.browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(`${env.origin}/errors/08006/`);
    const result = await page.evaluate(() => ({
      body: getComputedStyle(document.body).backgroundColor,
      code: getComputedStyle(document.querySelector('.astro-code')!).backgroundColor,
    }));
    await context.close();
    return result;
  };
  const light = await colors('light');
  const dark = await colors('dark');
  assert.equal(light.body, 'rgb(255, 255, 255)');
  assert.equal(dark.body, 'rgb(13, 17, 23)');
  assert.notEqual(light.code, dark.code, 'code blocks switch theme too');
});
