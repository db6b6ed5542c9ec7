// Comparing runs: staleness of a committed file, differences from a fresh run, merging a partial run.
import { casesOf, type VerificationCase } from './cases.ts';
import { canonicalJson, MAJORS, reproductionHash, type CaseResult, type Expected, type MajorResult, type VerificationResults } from './results.ts';
import { describeGot } from './summary.ts';
import { versionDisagreements, type CodeFacts } from './versions.ts';

/** Entries in code order (plain Object.entries puts "22001" before "08006"). */
const byKey = <T>(record: Record<string, T>) => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** What is out of date in the committed results for these entries' cases (reproductions and fix checks). */
export function staleness(results: VerificationResults, entries: Parameters<typeof casesOf>[0][]): string[] {
  const problems: string[] = [];
  const all: VerificationCase[] = entries.flatMap(casesOf);
  const codes = new Set(all.map((c) => c.id));
  for (const { id: code, repro: reproduction, fix } of all) {
    const what = fix ? 'fix check' : 'reproduction';
    const result = results.cases[code];
    if (!result) {
      problems.push(`${code}: no result (new ${fix ? 'fix check' : 'entry'})`);
      continue;
    }
    if (result.hash !== reproductionHash(reproduction)) problems.push(`${code}: the ${what} changed since it was verified`);
    else if (result.runnable) {
      const missing = MAJORS.map(String).filter((m) => !result.majors[m]);
      if (missing.length) problems.push(`${code}: no result for ${missing.join(', ')}`);
    }
  }
  for (const [code] of byKey(results.cases)) if (!codes.has(code)) problems.push(`${code}: result for ${code.includes('/') ? 'a fix check' : 'an entry'} that no longer exists`);
  return problems;
}

/**
 * The part of a major's result that must not change between runs: not the messages (they may
 * carry OIDs), and not which session heard what when the case expects "any" (a deadlock's victim
 * is the server's choice).
 */
function outcome(r: MajorResult, expected: Expected) {
  if ('skipped' in r) return { skipped: r.skipped };
  const anySession = 'session' in expected && expected.session === 'any';
  const got = r.got.map(({ session, sqlstate, severity }) => `${anySession ? '*' : session} ${sqlstate} ${severity}`);
  return { pass: r.pass, error: r.error, got: anySession ? got.sort() : got };
}

/** Differences between a committed result and a fresh run, for the cases and majors that ran. */
export function compareRuns(committed: VerificationResults, fresh: VerificationResults): string[] {
  const out: string[] = [];
  for (const [major, version] of Object.entries(fresh.servers)) {
    if (committed.servers[major] !== version) out.push(`server ${major}: committed results are from ${committed.servers[major] ?? 'nothing'}, ran ${version}`);
  }
  for (const [code, result] of byKey(fresh.cases)) {
    const old = committed.cases[code];
    if (!old || old.hash !== result.hash) continue; // new or changed: reported by staleness()
    for (const [major, r] of Object.entries(result.majors)) {
      const before = old.majors[major];
      if (!before) out.push(`${code} on ${major}: not in the committed results`);
      else if (canonicalJson(outcome(before, result.expected)) !== canonicalJson(outcome(r, result.expected))) {
        out.push(`${code} on ${major}: committed ${describeGot(before)}; now ${describeGot(r)}`);
      }
    }
  }
  for (const [code, byMajor] of byKey(fresh.versionFacts)) {
    for (const [major, fact] of Object.entries(byMajor)) {
      const before = committed.versionFacts[code]?.[major];
      if (before !== fact) out.push(`version fact ${code} on ${major}: committed ${before}, now ${fact}`);
    }
  }
  return out;
}

/**
 * A fresh run folded into the committed results: what ran replaces what was there (all of a case
 * whose reproduction changed), the rest is kept; cases of entries that no longer exist are dropped.
 */
export function mergeResults(
  old: VerificationResults,
  fresh: VerificationResults,
  /** Every case id that exists now (casesOf): results of any other case are dropped. */
  caseIds: string[],
  catalog: (CodeFacts & { name: string })[],
): VerificationResults {
  const cases: Record<string, CaseResult> = {};
  for (const code of caseIds) {
    const before = old.cases[code];
    const now = fresh.cases[code];
    if (!now) {
      if (before) cases[code] = before;
      continue;
    }
    cases[code] = before?.hash === now.hash ? { ...now, majors: { ...before.majors, ...now.majors } } : now;
  }
  const versionFacts: VerificationResults['versionFacts'] = {};
  for (const code of new Set([...Object.keys(old.versionFacts), ...Object.keys(fresh.versionFacts)])) {
    versionFacts[code] = { ...old.versionFacts[code], ...fresh.versionFacts[code] };
  }
  return {
    ranAt: fresh.ranAt,
    servers: { ...old.servers, ...fresh.servers },
    cases,
    versionFacts,
    versionDisagreements: versionDisagreements(versionFacts, catalog, { ...old.servers, ...fresh.servers }),
  };
}
