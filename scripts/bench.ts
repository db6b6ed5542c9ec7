// npm run bench: builds our site and a Starlight peer with the same content in temporary copies,
// measures page weight, builds (real and synthetic content), search and Lighthouse, prints one
// table, writes bench/results/latest.json (the run before becomes previous.json) and exits 1
// when a budget in bench/budgets.json is broken. docs/performance.md explains every figure.
//   npm run bench                      full run (about 15 minutes on two cores)
//   npm run bench -- --quick           one build, no synthetic content, fewer repetitions
//   npm run bench -- --scales=2000 --search-runs=9 --lighthouse-runs=5 --build-runs=2 --no-peer
//   npm run bench -- --ref=HEAD        measure a commit instead of the working tree
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildOurs, copyProject, linkNodeModules, removeCopy, ROOT, type Step } from '../bench/lib/build.ts';
import { CATEGORIES, launchForLighthouse, runLighthouse, type LighthouseRun } from '../bench/lib/lighthouse.ts';
import { buildPeer, ensurePeerDeps, PEER_SEARCH, preparePeer } from '../bench/lib/peer.ts';
import {
  checkBudgets, formatBudgets, formatTable, median, saveResults, type Budget, type Figure, type Unit,
} from '../bench/lib/report.ts';
import { measureSearch, type SearchRun, type SearchUi } from '../bench/lib/search.ts';
import { writeSynthetic } from '../bench/lib/synthetic.ts';
import { KINDS, measureWeight, type PageWeight } from '../bench/lib/weight.ts';
import { launchChromium } from '../tests/support/chromium.ts';
import { serve } from './serve.ts';

const { values: opt } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'build-runs': { type: 'string' },
    'scale-runs': { type: 'string' },
    'search-runs': { type: 'string' },
    'lighthouse-runs': { type: 'string' },
    scales: { type: 'string' },
    'no-peer': { type: 'boolean', default: false },
    ref: { type: 'string' },
  },
});
// Timings are noisy on shared two-core machines: repeat, take medians, compare within one run.
const runs = {
  build: Number(opt['build-runs'] ?? (opt.quick ? 1 : 3)),
  scale: Number(opt['scale-runs'] ?? 1),
  search: Number(opt['search-runs'] ?? (opt.quick ? 3 : 5)),
  lighthouse: Number(opt['lighthouse-runs'] ?? (opt.quick ? 1 : 3)),
};
const scales = (opt.scales ?? (opt.quick ? '' : '2000,10000')).split(',').filter(Boolean).map(Number);
const withPeer = !opt['no-peer'];

// One page per type, in this order (a Map: an object would sort the key "404" first).
const PAGES = new Map([
  ['home', '/'], ['entry', '/errors/08006/'], ['class', '/classes/08/'], ['all-codes', '/errors/'], ['404', '/no-such-page/'],
]);
const OUR_SEARCH: SearchUi = { path: '/', input: '#search-input', result: '#search-results a' };
const QUERY = '23505';
// One paste per kind the budgets name: an English message and a translated one (non-Latin script).
const PASTES = [
  { key: 'en', text: 'ERROR:  could not open file "base/16384/2619": No such file or directory', code: '58P01' },
  { key: 'de', text: 'FEHLER:  doppelter Schlüsselwert verletzt Unique-Constraint »users_email_key«', code: '23505' },
  { key: 'ja', text: 'ERROR:  リレーション"kunden"は存在しません', code: '42P01' },
];
// A 404 page must answer 404 and ask not to be indexed; the 404 response is logged by the browser.
const EXPECTED_ON_404 = new Set(['http-status-code', 'is-crawlable', 'errors-in-console']);

const started = Date.now();
// What is measured is what the copies hold, so the commit is read now, before anyone commits on.
const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT }).stdout.toString().trim();
const source = {
  commit: git('rev-parse', opt.ref ?? 'HEAD'),
  workingTree: !opt.ref && git('status', '--porcelain').length > 0 ? 'with uncommitted changes' : 'clean',
};
const log = (msg: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${msg}`);
const figures: Figure[] = [];
const add = (section: string, key: string, label: string, unit: Unit, ours: number | null, peer: number | null) =>
  figures.push({ key, section, label, unit, ours, peer });
const copies: string[] = [];
const ourCopy = () => {
  const dir = copyProject(ROOT, ['bench', 'tmp'], opt.ref);
  copies.push(dir);
  linkNodeModules(ROOT, dir);
  return dir;
};
const peerCopy = (contentDir: string) => {
  const dir = preparePeer(contentDir);
  copies.push(dir);
  return dir;
};
process.on('exit', () => copies.forEach(removeCopy));
process.on('SIGINT', () => process.exit(130));

// ---- Builds: real content first (its output is served below), then synthetic scales ----------
if (withPeer) ensurePeerDeps();
interface BuildRun { ours?: { astro: Step; pagefind: Step; pages: number }; peer?: { astro: Step; pages: number } }
const contentSizes: Record<string, { codes: number; entries: number }> = {};
const buildFailures: { scale: string; site: string; reason: string }[] = [];

/** The error's name and cause from a failed build's output, for the report. */
const reason = (error: unknown) => {
  const text = String(error);
  return [/\[(\w+Error)\]/.exec(text)?.[1], /Caused by:\s*\n\s*(.+)/.exec(text)?.[1]].filter(Boolean).join(': ') || text.split('\n').slice(0, 3).join(' ');
};

async function benchBuilds(scale: string, count: number, ourDir: string, peerDir?: string) {
  const catalog = JSON.parse(readFileSync(join(ourDir, 'content/catalog/codes.json'), 'utf8'));
  const entries = readdirSync(join(ourDir, 'content/errors')).filter((f) => /\.(yaml|mdx)$/.test(f)).length;
  const codes = catalog.codes.length;
  contentSizes[scale] = { codes, entries };
  const all: BuildRun[] = [];
  for (let i = 1; i <= count; i++) {
    // Alternating keeps the two sites under the same machine conditions.
    const run: BuildRun = {};
    log(`build ${scale} (${codes} codes, ${entries} entries), run ${i}/${count}: ours`);
    try {
      run.ours = await buildOurs(ourDir);
    } catch (error) {
      if (scale === 'real') throw error; // nothing to measure without it
      buildFailures.push({ scale, site: 'ours', reason: reason(error) });
    }
    if (peerDir) {
      log(`build ${scale}, run ${i}/${count}: peer`);
      try {
        run.peer = await buildPeer(peerDir);
      } catch (error) {
        buildFailures.push({ scale, site: 'peer', reason: reason(error) });
      }
    }
    all.push(run);
  }
  const m = (pick: (r: BuildRun) => number | undefined) => {
    const xs = all.map(pick).filter((x): x is number => x !== undefined);
    return xs.length ? median(xs) : null;
  };
  const failed = [...new Set(buildFailures.filter((f) => f.scale === scale).map((f) => `${f.site} failed: ${f.reason}`))];
  const section = `build: ${scale} content (${codes} codes, ${entries} authored entries)${failed.length ? `; ${failed.join('; ')}` : ''}`;
  const ourTotal = (r: BuildRun) => r.ours && r.ours.astro.seconds + r.ours.pagefind.seconds;
  const perPage = (s: number | undefined, pages: number | undefined) => s && pages && (s * 1000) / pages;
  add(section, `build.${scale}.astro.s`, 'astro build (peer: incl. Pagefind)', 's', m((r) => r.ours?.astro.seconds), m((r) => r.peer?.astro.seconds));
  add(section, `build.${scale}.pagefind.s`, 'pagefind', 's', m((r) => r.ours?.pagefind.seconds), null);
  add(section, `build.${scale}.total.s`, 'total', 's', m(ourTotal), m((r) => r.peer?.astro.seconds));
  add(section, `build.${scale}.peakMB`, 'peak memory', 'MB', m((r) => r.ours && Math.max(r.ours.astro.peakMB, r.ours.pagefind.peakMB)), m((r) => r.peer?.astro.peakMB));
  add(section, `build.${scale}.pages`, 'HTML pages', 'count', m((r) => r.ours?.pages), m((r) => r.peer?.pages));
  add(section, `build.${scale}.msPerPage`, 'per page', 'ms', m((r) => perPage(ourTotal(r), r.ours?.pages)), m((r) => perPage(r.peer?.astro.seconds, r.peer?.pages)));
  add(section, `build.${scale}.msPerCode`, 'per code', 'ms', m((r) => perPage(ourTotal(r), codes)), m((r) => perPage(r.peer?.astro.seconds, codes)));
}

const ourDir = ourCopy();
const peerDir = withPeer ? peerCopy(join(ourDir, 'content')) : undefined;
await benchBuilds('real', runs.build, ourDir, peerDir);
for (const scale of scales) {
  const dir = ourCopy();
  writeSynthetic(dir, scale);
  const peer = withPeer ? peerCopy(join(dir, 'content')) : undefined;
  await benchBuilds(String(scale), runs.scale, dir, peer);
  [dir, peer].forEach((d) => d && removeCopy(d)); // these grow to gigabytes
}

// ---- In the browser: both real builds served locally ------------------------------------------
const origin = async (dir: string) => `http://127.0.0.1:${((await serve(join(dir, 'dist'), 0)).address() as AddressInfo).port}`;
const sites = { ours: await origin(ourDir), ...(peerDir ? { peer: await origin(peerDir) } : {}) } as Record<'ours' | 'peer', string>;
const siteNames = Object.keys(sites) as ('ours' | 'peer')[];

const browser = await launchChromium();
const weights: Record<string, Record<string, PageWeight>> = { ours: {}, peer: {} };
for (const [page, path] of PAGES) {
  log(`weight ${page} ${path}`);
  for (const site of siteNames) weights[site][page] = await measureWeight(browser, sites[site] + path);
}
for (const [page, path] of PAGES) {
  const section = `weight: ${page} ${path} (on load, no interaction)`;
  const w = (site: 'ours' | 'peer', f: (x: PageWeight) => number) => (weights[site][page] ? f(weights[site][page]) : null);
  for (const enc of ['raw', 'gzip', 'br'] as const) {
    add(section, `weight.${page}.total.${enc}`, `total ${enc}`, 'bytes', w('ours', (x) => x.sizes.total[enc]), w('peer', (x) => x.sizes.total[enc]));
  }
  for (const kind of KINDS.filter((k) => k !== 'total' && k !== 'font')) {
    add(section, `weight.${page}.${kind}.br`, `${kind} br`, 'bytes', w('ours', (x) => x.sizes[kind].br), w('peer', (x) => x.sizes[kind].br));
  }
  add(section, `weight.${page}.font.raw`, 'font raw', 'bytes', w('ours', (x) => x.sizes.font.raw), w('peer', (x) => x.sizes.font.raw));
  add(section, `weight.${page}.requests`, 'requests', 'count', w('ours', (x) => x.requests.length), w('peer', (x) => x.requests.length));
  add(section, `weight.${page}.jsNeeded`, 'JS needed to read (br)', 'bytes', w('ours', (x) => x.jsNeeded), w('peer', (x) => x.jsNeeded));
}

const searches: Record<string, SearchRun[]> = { ours: [], peer: [] };
for (let i = 1; i <= runs.search; i++) {
  log(`search "${QUERY}", run ${i}/${runs.search}`);
  for (const site of siteNames) searches[site].push(await measureSearch(browser, sites[site], site === 'ours' ? OUR_SEARCH : PEER_SEARCH, QUERY));
}
// Pasted messages, ours only (the peer has no message matching): English and translated.
const pasteRuns: Record<string, SearchRun[]> = {};
for (let i = 1; i <= runs.search; i++) {
  for (const p of PASTES) {
    log(`paste ${p.key}, run ${i}/${runs.search}`);
    (pasteRuns[p.key] ??= []).push(await measureSearch(browser, sites.ours, OUR_SEARCH, p.text, { expect: p.code, paste: true }));
  }
}
await browser.close();
const s = (site: 'ours' | 'peer', f: (r: SearchRun) => number) => (searches[site].length ? median(searches[site].map(f)) : null);
const searchSection = `search: type ${QUERY} on the home page (fresh cache, median of ${runs.search})`;
add(searchSection, 'search.ms', 'last keystroke → first result painted', 'ms', s('ours', (r) => r.ms), s('peer', (r) => r.ms));
add(searchSection, 'search.queryBytes.br', 'downloaded for the query, br', 'bytes', s('ours', (r) => r.queryBytes.br), s('peer', (r) => r.queryBytes.br));
add(searchSection, 'search.queryBytes.raw', 'downloaded for the query, raw', 'bytes', s('ours', (r) => r.queryBytes.raw), s('peer', (r) => r.queryBytes.raw));
add(searchSection, 'search.requests', 'requests for the query', 'count', s('ours', (r) => r.requests.length), s('peer', (r) => r.requests.length));
for (const p of PASTES) {
  const m = (f: (r: SearchRun) => number) => median(pasteRuns[p.key].map(f));
  const section = `search: paste "${p.text}" (fresh cache, median of ${runs.search})`;
  const messageData = (r: SearchRun) => r.requests.filter((u) => u.startsWith('/search/messages/')).length;
  add(section, `search.paste.${p.key}.ms`, 'paste → first result painted', 'ms', m((r) => r.ms), null);
  add(section, `search.paste.${p.key}.queryBytes.br`, 'downloaded for the paste (search code, code list, message data), br', 'bytes', m((r) => r.queryBytes.br), null);
  add(section, `search.paste.${p.key}.messageFiles`, 'message data files fetched', 'count', m(messageData), null);
}

const lighthouse: Record<string, Record<string, LighthouseRun[]>> = { ours: {}, peer: {} };
const chrome = await launchForLighthouse();
try {
  for (const [page, path] of PAGES) {
    for (let i = 1; i <= runs.lighthouse; i++) {
      log(`lighthouse ${page} ${path}, run ${i}/${runs.lighthouse}`);
      for (const site of siteNames) (lighthouse[site][page] ??= []).push(await runLighthouse(chrome.port, sites[site] + path));
    }
  }
} finally {
  await chrome.close();
}
for (const [page, path] of PAGES) {
  const section = `lighthouse: ${page} ${path} (mobile, median of ${runs.lighthouse})`;
  for (const c of CATEGORIES) {
    const l = (site: 'ours' | 'peer') => (lighthouse[site][page] ? median(lighthouse[site][page].map((r) => r.scores[c])) : null);
    add(section, `lighthouse.${page}.${c}`, c, 'score', l('ours'), l('peer'));
  }
}

// ---- Report ----------------------------------------------------------------------------------
const budgets: Budget[] = JSON.parse(readFileSync(join(ROOT, 'bench/budgets.json'), 'utf8')).budgets;
const budgetResults = checkBudgets(figures, budgets);
const failedAudits = Object.fromEntries(siteNames.map((site) => [site, Object.fromEntries(Object.entries(lighthouse[site]).map(
  ([page, list]) => [page, [...new Map(list.flatMap((r) => r.failed).map((a) => [`${a.category}/${a.id}`, a])).values()]],
))]));
const results = {
  date: new Date(started).toISOString(),
  elapsedSeconds: Math.round((Date.now() - started) / 1000),
  ...source,
  machine: { cpus: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version },
  runs, scales, content: contentSizes,
  figures,
  budgets: budgetResults,
  buildFailures,
  details: {
    requests: Object.fromEntries(siteNames.map((site) => [site, Object.fromEntries(Object.entries(weights[site]).map(([p, w]) => [p, w.requests]))])),
    search: searches,
    lighthouseFailedAudits: failedAudits,
  },
};
const previous = saveResults(join(ROOT, 'bench/results'), results);

console.log(`\n${formatTable(figures, previous)}\n`);
console.log('JavaScript each page loads with no interaction (ours):');
for (const [page, w] of Object.entries(weights.ours)) {
  const js = w.requests.filter((r) => r.kind === 'js').map((r) => `${new URL(r.url).pathname} (${(r.br / 1024).toFixed(1)} KB br)`);
  console.log(`  ${page}: ${js.join(', ') || 'none'}`);
}
console.log('\nLighthouse audits that keep a category of ours below 100 (any run):');
for (const [page, audits] of Object.entries(failedAudits.ours ?? {})) {
  const below = (c: string) => figures.find((f) => f.key === `lighthouse.${page}.${c}`)!.ours! < 100;
  for (const a of audits.filter((x) => below(x.category))) {
    const expected = page === '404' && EXPECTED_ON_404.has(a.id) ? ' [expected on a 404 page]' : '';
    console.log(`  ${page}: [${a.category}] ${a.id}: ${a.title} (score ${a.score}${a.displayValue ? `, ${a.displayValue}` : ''})${expected} ${a.items.slice(0, 2).join(' ; ')}`);
  }
}
for (const f of buildFailures) console.log(`\nBuild failed: ${f.site} at ${f.scale} content: ${f.reason}`);
// A build of ours that fails at some scale counts as a broken budget; a failing peer is a finding.
const broken = [...budgetResults.filter((r) => !r.ok), ...buildFailures.filter((f) => f.site === 'ours')];
console.log(`\nBudgets (bench/budgets.json):\n${formatBudgets(budgetResults, figures)}`);
console.log(`\n${broken.length ? `${broken.length} budget(s) broken` : 'All budgets met'}. ` +
  `Elapsed ${Math.round((Date.now() - started) / 1000)} s. Results: bench/results/latest.json (and latest.md)`);
process.exit(broken.length ? 1 : 0);
