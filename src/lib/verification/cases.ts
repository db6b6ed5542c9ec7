// The cases `npm run verify` runs for an entry: its reproduction, keyed by the code, and the check
// of each fix that has one, keyed "<code>/fix-<n>" after the page's #fix-N anchor.
import type { Entry } from '../entry-schema.ts';
import type { FixCheck, Reproduction } from '../reproduction-schema.ts';

/** Anything the runner can be asked to run: a reproduction (possibly manual) or a fix check. */
export type Checkable = Reproduction | FixCheck;

export interface VerificationCase {
  id: string;
  code: string;
  /** 1-based fix number for a fix check; absent for the reproduction. */
  fix?: number;
  repro: Checkable;
}

export const fixCaseId = (code: string, n: number) => `${code}/fix-${n}`;

type CaseSource = Pick<Entry, 'code' | 'reproduction'> & { fixes?: Pick<Entry['fixes'][number], 'check'>[] };

export function casesOf(entry: CaseSource): VerificationCase[] {
  const fixes = (entry.fixes ?? []).flatMap((fix, i) =>
    fix.check ? [{ id: fixCaseId(entry.code, i + 1), code: entry.code, fix: i + 1, repro: fix.check }] : []);
  return [{ id: entry.code, code: entry.code, repro: entry.reproduction }, ...fixes];
}

export interface FixCounts {
  fixes: number;
  /** Fixes with a check. */
  runnable: number;
  /** Fixes that say why they cannot be checked. */
  notCheckable: number;
  /** Fixes with neither: a content problem. */
  undecided: number;
}

export function countFixes(entries: Pick<Entry, 'fixes'>[]): FixCounts {
  const all = entries.flatMap((e) => e.fixes);
  return {
    fixes: all.length,
    runnable: all.filter((f) => f.check).length,
    notCheckable: all.filter((f) => f.notCheckable).length,
    undecided: all.filter((f) => !f.check && !f.notCheckable).length,
  };
}
