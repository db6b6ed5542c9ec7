// Figures, budgets and the printed table. Every figure has a stable key (weight.entry.total.br,
// search.ms, ...) that budgets and the previous run refer to.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Unit = 'bytes' | 's' | 'ms' | 'MB' | 'score' | 'count';
export interface Figure {
  key: string;
  section: string;
  label: string;
  unit: Unit;
  ours: number | null;
  peer: number | null;
}
export interface Budget {
  /** A figure key; `*` stands for one dot-separated part (weight.*.font.raw). */
  figure: string;
  max?: number;
  min?: number;
  /** ours / peer at most this. */
  maxRatio?: number;
  why?: string;
}
export interface BudgetResult {
  key: string;
  rule: string;
  value: number;
  ok: boolean;
  why?: string;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const matches = (pattern: string, key: string) =>
  new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^.]+')}$`).test(key);

export function checkBudgets(figures: Figure[], budgets: Budget[]): BudgetResult[] {
  const results: BudgetResult[] = [];
  for (const budget of budgets) {
    const found = figures.filter((f) => matches(budget.figure, f.key) && f.ours !== null);
    if (found.length === 0) continue; // not measured in this run (--quick, --no-peer)
    for (const f of found) {
      const ours = f.ours!;
      if (budget.max !== undefined) results.push({ key: f.key, rule: `≤ ${show(budget.max, f.unit)}`, value: ours, ok: ours <= budget.max, why: budget.why });
      if (budget.min !== undefined) results.push({ key: f.key, rule: `≥ ${show(budget.min, f.unit)}`, value: ours, ok: ours >= budget.min, why: budget.why });
      if (budget.maxRatio !== undefined && f.peer) {
        results.push({ key: f.key, rule: `≤ ${budget.maxRatio}× peer`, value: ours / f.peer, ok: ours / f.peer <= budget.maxRatio, why: budget.why });
      }
    }
  }
  return results;
}

/** Bytes as KB (1024), seconds and milliseconds with sensible precision. */
export function show(value: number | null, unit: Unit): string {
  if (value === null) return '—';
  switch (unit) {
    case 'bytes': return value === 0 ? '0' : `${(value / 1024).toFixed(1)} KB`;
    case 's': return `${value.toFixed(1)} s`;
    case 'ms': return `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
    case 'MB': return `${Math.round(value)} MB`;
    default: return String(Math.round(value * 10) / 10);
  }
}

const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? '—' : `${(a / b).toFixed(2)}×`);

/** The table: one line per figure, ours, the peer, ours/peer, and ours against the previous run. */
export function formatTable(figures: Figure[], previous: Figure[] = []): string {
  const prev = new Map(previous.map((f) => [f.key, f.ours]));
  const header = ['', 'ours', 'peer', 'ours/peer', 'vs previous'];
  const rows = figures.map((f) => [`  ${f.label}`, show(f.ours, f.unit), show(f.peer, f.unit), ratio(f.ours, f.peer), ratio(f.ours, prev.get(f.key) ?? null)]);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((l) => l[i].length)));
  const fmt = (l: string[]) => l.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  const lines = [fmt(header)];
  figures.forEach((f, i) => {
    if (f.section !== figures[i - 1]?.section) lines.push(f.section); // headings do not widen the columns
    lines.push(fmt(rows[i]));
  });
  return lines.join('\n');
}

/** The same table in Markdown, for docs/performance.md (written to bench/results/latest.md). */
export function formatMarkdown(figures: Figure[]): string {
  const lines: string[] = [];
  let section = '';
  for (const f of figures) {
    if (f.section !== section) lines.push('', `**${(section = f.section)}**`, '', '| figure | ours | peer | ours/peer |', '| --- | ---: | ---: | ---: |');
    lines.push(`| ${f.label} | ${show(f.ours, f.unit)} | ${show(f.peer, f.unit)} | ${ratio(f.ours, f.peer)} |`);
  }
  return `${lines.join('\n').trim()}\n`;
}

export function formatBudgets(results: BudgetResult[], figures: Figure[]): string {
  const unit = new Map(figures.map((f) => [f.key, f.unit]));
  return results.map((r) => {
    const value = r.rule.includes('peer') ? `${r.value.toFixed(2)}×` : show(r.value, unit.get(r.key) ?? 'count');
    return `${r.ok ? 'ok  ' : 'OVER'}  ${r.key} = ${value} (budget ${r.rule})${r.ok || !r.why ? '' : `: ${r.why}`}`;
  }).join('\n');
}

/** Writes latest.json, keeping the one before as previous.json; returns the previous figures. */
export function saveResults(dir: string, results: { figures: Figure[] }): Figure[] {
  mkdirSync(dir, { recursive: true });
  const latest = join(dir, 'latest.json');
  let previous: Figure[] = [];
  if (existsSync(latest)) {
    previous = (JSON.parse(readFileSync(latest, 'utf8')) as { figures: Figure[] }).figures;
    renameSync(latest, join(dir, 'previous.json'));
  }
  writeFileSync(latest, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, 'latest.md'), formatMarkdown(results.figures));
  return previous;
}
