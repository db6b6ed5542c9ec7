// Lighthouse through its Node API, on Debian's Chromium with the flags the browser tests use.
// Default config: mobile form factor with simulated throttling, Lighthouse's own reference.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/support/chromium.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface FailedAudit {
  category: Category;
  id: string;
  title: string;
  score: number;
  displayValue?: string;
  /** What the audit points at: elements (selector and snippet), URLs or explanations. */
  items: string[];
}
export interface LighthouseRun {
  scores: Record<Category, number>;
  failed: FailedAudit[];
}

/** A Chromium that Lighthouse drives over the DevTools port it prints when it starts. */
export async function launchForLighthouse(): Promise<{ port: number; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'pg-errors-bench-chrome-'));
  const chrome: ChildProcess = spawn(CHROMIUM, [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank']);
  const port = await new Promise<number>((resolve, reject) => {
    let err = '';
    chrome.stderr!.on('data', (d) => {
      err += d;
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (match) resolve(Number(match[1]));
    });
    chrome.on('exit', (code) => reject(new Error(`Chromium exited (${code}) before opening its DevTools port:\n${err}`)));
  });
  const orphanGuard = () => chrome.kill(); // a crash must not leave Chromium running
  process.on('exit', orphanGuard);
  const close = async () => {
    process.off('exit', orphanGuard);
    const exited = new Promise((resolve) => chrome.once('exit', resolve));
    chrome.kill();
    await exited; // Chromium writes to its profile until it is gone
    rmSync(profile, { recursive: true, force: true });
  };
  return { port, close };
}

interface Audit { title: string; score: number | null; scoreDisplayMode: string; displayValue?: string; details?: { items?: Record<string, unknown>[] } }

/** One Lighthouse run; retried twice, since a trace now and then comes back unusable (NO_NAVSTART). */
export async function runLighthouse(port: number, url: string): Promise<LighthouseRun> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnce(port, url);
    } catch (error) {
      if (attempt === 3) throw error;
      console.warn(`  retrying: ${(error as Error).message}`);
    }
  }
}

async function runOnce(port: number, url: string): Promise<LighthouseRun> {
  // ignoreStatusCode: the 404 page is measured too; Lighthouse otherwise refuses a 404 response.
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES], ignoreStatusCode: true });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits, runtimeError } = result.lhr as unknown as {
    categories: Record<Category, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
    audits: Record<string, Audit>;
    runtimeError?: { message: string };
  };
  if (runtimeError) throw new Error(`Lighthouse on ${url}: ${runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c].score ?? 0) * 100)])) as Record<Category, number>;
  const failed: FailedAudit[] = [];
  for (const category of CATEGORIES) {
    // Only audits that count towards the score: those are what keeps a category below 100.
    for (const ref of categories[category].auditRefs.filter((r) => r.weight > 0)) {
      const audit = audits[ref.id];
      if (audit.score === null || audit.score >= 1 || audit.scoreDisplayMode === 'informative') continue;
      failed.push({
        category, id: ref.id, title: audit.title, score: audit.score, displayValue: audit.displayValue,
        items: (audit.details?.items ?? []).slice(0, 5).map(describeItem),
      });
    }
  }
  return { scores, failed };
}

function describeItem(item: Record<string, unknown>): string {
  const node = (item.node ?? (typeof item.source === 'object' ? item.source : undefined)) as
    { selector?: string; snippet?: string; explanation?: string } | undefined;
  if (node?.snippet) return [node.selector, node.snippet, node.explanation].filter(Boolean).join(' | ');
  const text = ['description', 'explanation', 'url', 'label', 'source'].map((k) => item[k]).find((v) => typeof v === 'string' && v);
  return (text as string | undefined) ?? JSON.stringify(item).slice(0, 200);
}
