// axe-core finds no violation on any page type, in the light or the dark theme.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { browserSuite } from '../support/browser-suite.ts';
import { PAGE_TYPES } from '../support/page-types.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const env = browserSuite();

for (const scheme of ['light', 'dark'] as const) {
  for (const [name, path] of Object.entries(PAGE_TYPES)) {
    test(`axe: ${name} page, ${scheme}`, async () => {
      // axe is injected as an inline script, which the site's own CSP rightly forbids.
      const context = await env.browser.newContext({ colorScheme: scheme, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(env.origin + path);
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
        return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      });
      await context.close();
      assert.deepEqual(violations, []);
    });
  }
}
