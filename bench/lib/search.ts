// Search as a reader meets it: a fresh browser context (nothing cached), the page loaded and
// quiet, then a code typed key by key. Measures the time from the last keystroke to the first
// result for that code on screen, and what the query downloaded.
import type { Browser, Page } from 'playwright-core';
import { sizeOf } from './weight.ts';

export interface SearchUi {
  /** Page the search starts from. */
  path: string;
  /** Clicked first, where the search box sits behind a button (Starlight's dialog). */
  open?: string;
  input: string;
  /** Result links; the run waits for one whose href names the code. */
  result: string;
}
export interface SearchRun {
  ms: number;
  /** Downloaded after the page was loaded and quiet, for this query. */
  queryBytes: { raw: number; br: number };
  /** Downloaded by the page before any interaction (search code loaded on idle or on autofocus counts here). */
  loadBytes: { raw: number; br: number };
  requests: string[];
}

const KEY_DELAY_MS = 100; // a brisk typist; earlier keystrokes may start loading the index

/**
 * `query` is typed key by key, or with `paste` put in at once (one input event, as a paste is);
 * the run waits for a result linking to `expect` (the query itself when it is a code).
 */
export async function measureSearch(browser: Browser, origin: string, ui: SearchUi, query: string, opts: { expect?: string; paste?: boolean } = {}): Promise<SearchRun> {
  const code = opts.expect ?? query;
  const context = await browser.newContext();
  const page = await context.newPage();
  // Runs in the page before its own scripts: remembers the last input event's time, and the time
  // the first matching result is painted (a frame after the DOM change, then a task after that
  // frame, which is when the pixels are on screen).
  await page.addInitScript(({ input, result, code, query }) => {
    const state = { lastInput: 0, painted: 0 };
    (window as unknown as { __bench: typeof state }).__bench = state;
    document.addEventListener('input', (e) => {
      if ((e.target as Element).matches?.(input)) [state.lastInput, state.painted] = [e.timeStamp, 0];
    }, true);
    new MutationObserver(() => {
      if (!state.lastInput || state.painted || (document.querySelector(input) as HTMLInputElement | null)?.value !== query) return;
      const hit = [...document.querySelectorAll<HTMLAnchorElement>(result)].some((a) => a.href.toUpperCase().includes(`/${code}`));
      if (!hit) return;
      state.painted = -1;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (state.painted = performance.now());
        channel.port2.postMessage(0);
      });
    }).observe(document, { childList: true, subtree: true, attributes: true });
  }, { input: ui.input, result: ui.result, code, query });

  let phase: 'load' | 'query' = 'load';
  let inFlight = 0;
  page.on('request', () => inFlight++);
  page.on('requestfinished', () => inFlight--);
  page.on('requestfailed', () => inFlight--);
  const bodies: Promise<{ phase: string; url: string; raw: number; br: number }>[] = [];
  page.on('response', (response) => {
    const at = phase;
    bodies.push(response.body().catch(() => Buffer.alloc(0)).then((b) => ({ phase: at, url: response.url(), ...sizeOf(b) })));
  });

  await page.goto(origin + ui.path, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  phase = 'query';
  if (ui.open) await page.click(ui.open);
  await page.click(ui.input);
  if (opts.paste) await page.fill(ui.input, query);
  else await page.keyboard.type(query, { delay: KEY_DELAY_MS });
  await page.waitForFunction(() => (window as unknown as { __bench: { painted: number } }).__bench.painted > 0, null, { timeout: 30_000 });
  await quiet(page, () => inFlight);
  const { lastInput, painted } = await page.evaluate(() => (window as unknown as { __bench: { lastInput: number; painted: number } }).__bench);
  const responses = await Promise.all(bodies);
  await context.close();

  const sum = (p: string) => responses.filter((r) => r.phase === p).reduce((s, r) => ({ raw: s.raw + r.raw, br: s.br + r.br }), { raw: 0, br: 0 });
  return {
    ms: painted - lastInput,
    queryBytes: sum('query'),
    loadBytes: sum('load'),
    requests: responses.filter((r) => r.phase === 'query').map((r) => r.url.replace(origin, '')),
  };
}

/** Waits until no request has been in flight for 500 ms (Playwright's networkidle fires once per load). */
async function quiet(page: Page, inFlight: () => number) {
  for (let idleSince = Date.now(); Date.now() - idleSince < 500;) {
    await page.waitForTimeout(50);
    if (inFlight() > 0) idleSince = Date.now();
  }
}
