// No text runs out of its box: every text line of the main page types, at a phone's width and a
// laptop's, ends inside its block container and inside the viewport. Text inside a scrolling box
// (code blocks, the wide codes table) may run on; the box scrolls.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserSuite } from '../support/browser-suite.ts';
import { PAGE_TYPES } from '../support/page-types.ts';

const env = browserSuite();
const PAGES = ['home', 'authored entry', 'class', 'all codes'];
const WIDTHS = [390, 1280];

for (const width of WIDTHS) {
  for (const type of PAGES) {
    test(`${type} page at ${width} px: no text overflows its container or the viewport`, async () => {
      const page = await env.browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${env.origin}${PAGE_TYPES[type]}`);
      const overflows = await page.evaluate(() => {
        const found: string[] = [];
        const viewport = document.documentElement.clientWidth;
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent?.trim()) continue;
          let box = node.parentElement!;
          let scrolls = false;
          for (let el: HTMLElement | null = box; el && el !== document.body; el = el.parentElement) {
            const style = getComputedStyle(el);
            if (style.display === 'none' || style.visibility === 'hidden' || el.hidden) { scrolls = true; break; }
            if (style.overflowX !== 'visible' || style.position === 'absolute' || style.position === 'fixed') { scrolls = true; break; }
          }
          if (scrolls) continue;
          while (getComputedStyle(box).display.startsWith('inline')) box = box.parentElement!;
          // 4 px of slack: a wrapped line's box includes the space it broke at.
          const limit = Math.min(box.getBoundingClientRect().right, viewport) + 4;
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const rect of range.getClientRects()) {
            if (rect.width > 0 && rect.right > limit) {
              found.push(`"${node.textContent.trim().slice(0, 40)}" ends at ${Math.round(rect.right)} px, its <${box.tagName.toLowerCase()} class="${box.className}"> at ${Math.round(limit - 4)} px`);
              break;
            }
          }
        }
        return found;
      });
      assert.deepEqual(overflows, []);
      await page.close();
    });
  }
}
