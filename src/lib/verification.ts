// What `npm run verify` found on real servers (content/verification/results.json), and the pure
// logic around it: hashing a reproduction, judging a run, which majors a case applies to, the
// catalog's version facts, staleness, and the summary each entry page shows.
// No server code here: scripts/verify/ runs the servers; the site imports only this file.
import { createHash } from 'node:crypto';
import committedJson from '../../content/verification/results.json' with { type: 'json' };
import { addedInMinors, type CatalogCode } from './catalog.ts';
import type { Reproduction } from './reproduction-schema.ts';

export const MAJORS = [14, 15, 16, 17, 18] as const;
export const RESULTS_FILE = 'content/verification/results.json';

/** One message a session received from the server: an error, or a notice with a SQLSTATE. */
export interface Received {
  session: string;
  sqlstate: string;
  severity: string;
  message: string;
}

/** A case on one major: run (pass or not), or not applicable there and why. */
export type MajorResult =
  | { pass: boolean; got: Received[]; /** the runner could not finish the case */ error?: string }
  | { skipped: string };

export interface Expected {
  sqlstate: string;
  /** The session that must receive it; "any" where the server picks (a deadlock's victim). */
  session: string;
}

export interface CaseResult {
  kind: Reproduction['kind'];
  /** sha256 of the canonical JSON of the entry's reproduction: a changed case is stale. */
  hash: string;
  expected: Expected;
  runnable: boolean;
  /** Why a case is not machine-checkable (a manual reproduction's whyNotRunnable). */
  reason?: string;
  /** Keyed by major ("14" .. "18"); empty for cases that are not runnable. */
  majors: Record<string, MajorResult>;
}

/**
 * Does the server know the condition name for this code? null: it cannot tell, because PL/pgSQL
 * leaves success and warning names out of its table (they cannot be caught).
 */
export type VersionFact = boolean | null;

export interface VersionDisagreement {
  code: string;
  name: string;
  major: string;
  catalog: boolean;
  server: boolean;
}

export interface VerificationResults {
  /** Date of the run, YYYY-MM-DD. */
  ranAt: string;
  /** Major -> the exact server version that ran. */
  servers: Record<string, string>;
  cases: Record<string, CaseResult>;
  versionFacts: Record<string, Record<string, VersionFact>>;
  versionDisagreements: VersionDisagreement[];
}

export const committedResults = committedJson as VerificationResults;

// ---------------------------------------------------------------- hashing and serialising

/**
 * JSON with object keys sorted at every level: the same data always gives the same text. Written
 * out by hand because JSON.stringify puts integer-like keys ("22001") before others ("08006").
 */
export function canonicalJson(value: unknown, indent = 0, depth = 0): string {
  const pad = (d: number) => (indent ? '\n' + ' '.repeat(indent * d) : '');
  const wrap = (open: string, items: string[], close: string) =>
    items.length ? `${open}${items.map((i) => pad(depth + 1) + i).join(',')}${pad(depth)}${close}` : open + close;
  if (Array.isArray(value)) {
    return wrap('[', value.map((v) => (v === undefined ? 'null' : canonicalJson(v, indent, depth + 1))), ']');
  }
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
    const sep = indent ? ': ' : ':';
    return wrap('{', keys.map((k) => JSON.stringify(k) + sep + canonicalJson((value as Record<string, unknown>)[k], indent, depth + 1)), '}');
  }
  return JSON.stringify(value);
}

export const reproductionHash = (reproduction: Reproduction): string =>
  createHash('sha256').update(canonicalJson(reproduction)).digest('hex');

/** The results file as committed: sorted keys, two-space indent, newline at the end. */
export const serialiseResults = (results: VerificationResults) => canonicalJson(results, 2) + '\n';

// ---------------------------------------------------------------- what a case expects and where

export function expectedOf(reproduction: Reproduction): Expected {
  return { sqlstate: reproduction.expect.sqlstate, session: reproduction.expect.session ?? 'main' };
}

/** Passed: the expected session (any session for "any") received the expected SQLSTATE. */
export function judge(expected: Expected, got: Received[]): boolean {
  return got.some((r) => r.sqlstate === expected.sqlstate && (expected.session === 'any' || r.session === expected.session));
}

/** "<=13" -> 13, "17" -> 17. */
const majorOf = (version: string) => Number(version.replace(/^<=/, ''));

type CodeFacts = Pick<CatalogCode, 'code' | 'since' | 'removedIn' | 'inReleases'>;

/** "15.18" is older than "15.20": compares dotted versions part by part, as numbers. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Whether the catalog says the code exists on this server; null where it cannot say. A code that
 * came with minor releases (22P07, in 15.20 and 17.12) is known only on a server at least as new
 * as the listed release of its major.
 */
export function catalogHas(code: CodeFacts, major: number, version?: string): boolean | null {
  const minors = addedInMinors(code as CatalogCode);
  if (minors) {
    const listed = minors.find((r) => parseInt(r, 10) === major);
    return listed && version && compareVersions(version, listed) >= 0 ? true : null;
  }
  return majorOf(code.since) <= major && (code.removedIn === null || major < majorOf(code.removedIn));
}

/** Why a case does not run on a server (its code is not there, or onlyMajors), else null. */
export function skipReason(code: CodeFacts, reproduction: Reproduction, major: number, version?: string): string | null {
  const has = catalogHas(code, major, version);
  if (has === null) {
    const minors = addedInMinors(code as CatalogCode)!.join(', ');
    return `${code.code} came with minor releases ${minors}; not known on ${version ?? major}`;
  }
  if (!has && majorOf(code.since) > major) return `${code.code} is new in PostgreSQL ${code.since} (catalog)`;
  if (!has) return `${code.code} was removed in PostgreSQL ${code.removedIn} (catalog)`;
  const only = 'onlyMajors' in reproduction ? reproduction.onlyMajors : undefined;
  if (only && !only.includes(major)) return `the reproduction applies to ${only.join(', ')} only (onlyMajors)`;
  return null;
}

// ---------------------------------------------------------------- version facts

export function versionDisagreements(
  facts: VerificationResults['versionFacts'],
  catalog: (CodeFacts & { name: string })[],
  servers: Record<string, string> = {},
): VersionDisagreement[] {
  const out: VersionDisagreement[] = [];
  for (const c of catalog) {
    for (const [major, server] of Object.entries(facts[c.code] ?? {})) {
      const expected = catalogHas(c, Number(major), servers[major]);
      if (server !== null && expected !== null && server !== expected) out.push({ code: c.code, name: c.name, major, catalog: expected, server });
    }
  }
  return out.sort((a, b) => a.code.localeCompare(b.code) || a.major.localeCompare(b.major));
}

// ---------------------------------------------------------------- describing results

const describeOne = (r: Received) => `${r.session}: ${r.sqlstate} ${r.severity} "${r.message}"`;

export function describeGot(result: MajorResult): string {
  if ('skipped' in result) return `skipped: ${result.skipped}`;
  const got = result.got.length ? result.got.map(describeOne).join('; ') : 'no error';
  return result.error ? `${got} (runner: ${result.error})` : got;
}

export const describeExpected = (e: Expected) =>
  e.session === 'any' ? `${e.sqlstate} in any session` : `${e.sqlstate} in session ${e.session}`;

export type CaseStatus = 'verified' | 'differs' | 'failed' | 'not-checkable' | 'not-run';

export interface PerMajor {
  major: string;
  /** The exact server version, e.g. "16.14". */
  version: string;
  status: 'pass' | 'fail' | 'skipped' | 'not-run';
  text: string;
}

export interface Summary {
  status: CaseStatus;
  text: string;
  perMajor: PerMajor[];
}

function perMajorOf(result: CaseResult | undefined, results: VerificationResults): PerMajor[] {
  return MAJORS.map(String).map((major) => {
    const version = results.servers[major] ?? major;
    const r = result?.majors[major];
    if (!r) return { major, version, status: 'not-run', text: 'not run' };
    if ('skipped' in r) return { major, version, status: 'skipped', text: r.skipped };
    return { major, version, status: r.pass ? 'pass' : 'fail', text: describeGot(r) };
  });
}

const list = (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** A case's status and a sentence for its page. Pass the entry's reproduction to detect staleness. */
export function summariseCase(result: CaseResult | undefined, results: VerificationResults, reproduction?: Reproduction): Summary {
  const perMajor = perMajorOf(result, results);
  if (!result) return { status: 'not-run', text: 'Not verified yet.', perMajor };
  if (!result.runnable) return { status: 'not-checkable', text: `Not machine-checkable: ${result.reason}`, perMajor };
  if (reproduction && reproductionHash(reproduction) !== result.hash) {
    return { status: 'not-run', text: 'The reproduction changed since it was last verified.', perMajor };
  }
  const ran = perMajor.filter((m) => m.status === 'pass' || m.status === 'fail');
  const passed = ran.filter((m) => m.status === 'pass');
  const failed = ran.filter((m) => m.status === 'fail');
  const skipped = perMajor.filter((m) => m.status === 'skipped');
  const versions = (ms: PerMajor[]) => list(ms.map((m) => m.version));
  const notApplicable = skipped.length ? ` Not applicable to ${list(skipped.map((m) => m.major))}.` : '';
  if (!ran.length) return { status: 'not-run', text: `Not run on any major.${notApplicable}`, perMajor };
  const expected = describeExpected(result.expected);
  if (!failed.length) {
    return { status: 'verified', text: `Reproduced on PostgreSQL ${versions(passed)}.${notApplicable}`, perMajor };
  }
  const how = failed.map((m) => `on ${m.version}: ${m.text}`).join('; ');
  if (!passed.length) {
    return { status: 'failed', text: `Did not reproduce: expected ${expected}; ${how}.${notApplicable}`, perMajor };
  }
  return {
    status: 'differs',
    text: `Reproduced on PostgreSQL ${versions(passed)}; expected ${expected} but ${how}.${notApplicable}`,
    perMajor,
  };
}

/** For entry pages: the committed result of one code. */
export function verificationSummary(code: string, reproduction?: Reproduction, results = committedResults): Summary {
  return summariseCase(results.cases[code], results, reproduction);
}

// ---------------------------------------------------------------- counts, staleness, comparison

/** Entries in code order (plain Object.entries puts "22001" before "08006"). */
const byKey = <T>(record: Record<string, T>) => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

export interface Counts {
  runnable: number;
  /** Passed on every major where the code exists. */
  verified: number;
  /** Failed, or differs: passed on some majors only. */
  failed: number;
  /** Runnable but without a result (every major skipped, or never run). */
  notRun: number;
  notCheckable: number;
}

export function countCases(cases: Record<string, CaseResult>, results: VerificationResults): Counts {
  const counts: Counts = { runnable: 0, verified: 0, failed: 0, notRun: 0, notCheckable: 0 };
  for (const result of Object.values(cases)) {
    if (!result.runnable) {
      counts.notCheckable++;
      continue;
    }
    counts.runnable++;
    const status = summariseCase(result, results).status;
    if (status === 'verified') counts.verified++;
    else if (status === 'not-run') counts.notRun++;
    else counts.failed++;
  }
  return counts;
}

/** Problems that make a results file out of date for the current entries. */
export function staleness(results: VerificationResults, entries: { code: string; reproduction: Reproduction }[]): string[] {
  const problems: string[] = [];
  const codes = new Set(entries.map((e) => e.code));
  for (const { code, reproduction } of entries) {
    const result = results.cases[code];
    if (!result) {
      problems.push(`${code}: no result (new entry)`);
      continue;
    }
    if (result.hash !== reproductionHash(reproduction)) problems.push(`${code}: the reproduction changed since it was verified`);
    else if (result.runnable) {
      const missing = MAJORS.map(String).filter((m) => !result.majors[m]);
      if (missing.length) problems.push(`${code}: no result for ${missing.join(', ')}`);
    }
  }
  for (const [code] of byKey(results.cases)) if (!codes.has(code)) problems.push(`${code}: result for an entry that no longer exists`);
  return problems;
}

/**
 * The part of a major's result that must not change between runs: not the messages (they may
 * carry OIDs), and not which session heard what when the case expects "any" (a deadlock's victim
 * is the server's choice).
 */
function outcome(r: MajorResult, expected: Expected) {
  if ('skipped' in r) return { skipped: r.skipped };
  const anySession = expected.session === 'any';
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
  entryCodes: string[],
  catalog: (CodeFacts & { name: string })[],
): VerificationResults {
  const cases: Record<string, CaseResult> = {};
  for (const code of entryCodes) {
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

/** What the servers said about a code's condition, by major ("14" .. "18"); null: cannot tell. */
export const versionFactsOf = (code: string, results = committedResults): Record<string, VersionFact> =>
  results.versionFacts[code] ?? {};

/** Which verified servers know the code's condition name; null where PL/pgSQL cannot tell. */
export function serverKnowledge(code: string, results = committedResults): { known: string[]; unknown: string[] } | null {
  const facts = results.versionFacts[code];
  if (!facts || Object.values(facts).every((f) => f === null)) return null;
  const version = (major: string) => results.servers[major] ?? major;
  const majors = Object.keys(facts).sort((a, b) => Number(a) - Number(b));
  return {
    known: majors.filter((m) => facts[m] === true).map(version),
    unknown: majors.filter((m) => facts[m] === false).map(version),
  };
}
