// Page weight: every request a page makes while loading in Chromium, with no interaction, by
// kind (HTML, CSS, JS, fonts, other), raw and as gzip and brotli would send it.
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';

export const KINDS = ['html', 'css', 'js', 'font', 'other', 'total'] as const;
export type Kind = (typeof KINDS)[number];
export interface Size { raw: number; gzip: number; br: number }
export interface PageWeight {
  sizes: Record<Kind, Size>;
  requests: { url: string; kind: Kind; raw: number; br: number }[];
  /** Brotli bytes of JavaScript the page's text depends on: 0 when it reads the same without JS. */
  jsNeeded: number;
}

const KIND_OF: Record<string, Kind> = { document: 'html', stylesheet: 'css', script: 'js', font: 'font' };
const zero = (): Size => ({ raw: 0, gzip: 0, br: 0 });

// Our local server sends files uncompressed; a CDN would not, so each body is compressed here
// (gzip level 6 and brotli quality 11, Node's defaults, close to what static hosts serve).
export function sizeOf(body: Buffer): Size {
  return { raw: body.length, gzip: gzipSync(body).length, br: brotliCompressSync(body).length };
}

/** Loads `url` in a fresh context (empty cache) and adds up what it downloads until quiet. */
export async function measureWeight(browser: Browser, url: string): Promise<PageWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies: Promise<{ url: string; kind: Kind; size: Size }>[] = [];
  page.on('response', (response) => {
    const kind = KIND_OF[response.request().resourceType()] ?? 'other';
    bodies.push(response.body().catch(() => Buffer.alloc(0)) // redirects have no body
      .then((body) => ({ url: response.url(), kind, size: sizeOf(body) })));
  });
  await page.goto(url, { waitUntil: 'load' });
  // Quiet for 500 ms: catches what loads on idle, such as Starlight's search UI.
  await page.waitForLoadState('networkidle');
  const text = await readableText(page);
  const responses = await Promise.all(bodies);
  await context.close();

  const sizes = Object.fromEntries(KINDS.map((k) => [k, zero()])) as Record<Kind, Size>;
  for (const { kind, size } of responses) {
    for (const k of [kind, 'total'] as const) {
      for (const enc of ['raw', 'gzip', 'br'] as const) sizes[k][enc] += size[enc];
    }
  }
  const jsNeeded = (await textWithoutJs(browser, url)) === text ? 0 : sizes.js.br;
  return { sizes, requests: responses.map((r) => ({ url: r.url, kind: r.kind, raw: r.size.raw, br: r.size.br })), jsNeeded };
}

/**
 * The text a reader sees in <main>, minus form controls and live counters: JavaScript may add
 * those (copy buttons, a table filter) without them being content. Compared with and without
 * JavaScript to tell whether reading the page needs it.
 */
async function readableText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = document.querySelector('main') ?? document.body;
    for (const control of main.querySelectorAll('button, input, select, textarea, label, [aria-live]')) control.remove();
    return main.innerText.replace(/\s+/g, ' ').trim();
  });
}

async function textWithoutJs(browser: Browser, url: string): Promise<string> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const text = await readableText(page);
  await context.close();
  return text;
}
