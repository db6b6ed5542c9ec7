// Every built page is valid HTML.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { DIST, distFiles, requireDist } from '../support/dist.ts';

before(requireDist);

test('html-validate finds no error in any page', async () => {
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: {
      // Astro writes void elements as <meta ... />; both forms are valid HTML.
      'void-style': 'off',
      // Message texts legitimately hold quotes and such, as text.
      'no-raw-characters': 'off',
      // Shiki colours code through style attributes (allowed by the CSP's style-src).
      'no-inline-style': 'off',
    },
  });
  const errors: string[] = [];
  const pages = distFiles().filter((f) => f.endsWith('.html'));
  for (const path of pages) {
    const report = await validator.validateFile(DIST + path);
    for (const result of report.results) {
      for (const m of result.messages) errors.push(`${path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  assert.ok(pages.length > 300);
  assert.deepEqual(errors.slice(0, 40), [], `${errors.length} errors`);
});
