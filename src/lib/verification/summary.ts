// Judging a case and describing it: the sentence and per-major table each entry page shows.
import { fixCaseId, type Checkable } from './cases.ts';
import { committedResults, reproductionHash, MAJORS, type CaseResult, type Expected, type MajorResult, type Received, type VerificationResults } from './results.ts';

export function expectedOf(repro: Checkable): Expected {
  const e = repro.expect;
  return 'noError' in e ? { noError: true } : { sqlstate: e.sqlstate, session: e.session ?? 'main' };
}

const ERROR_SEVERITIES = new Set(['ERROR', 'FATAL', 'PANIC']);

/**
 * Passed: the expected session (any session for "any") received the expected SQLSTATE; or, for a
 * fix check that expects no error, no session received an ERROR, FATAL or PANIC.
 */
export function judge(expected: Expected, got: Received[]): boolean {
  if ('noError' in expected) return !got.some((r) => ERROR_SEVERITIES.has(r.severity));
  return got.some((r) => r.sqlstate === expected.sqlstate && (expected.session === 'any' || r.session === expected.session));
}

const describeOne = (r: Received) => `${r.session}: ${r.sqlstate} ${r.severity} "${r.message}"`;

export function describeGot(result: MajorResult): string {
  if ('skipped' in result) return `skipped: ${result.skipped}`;
  const got = result.got.length ? result.got.map(describeOne).join('; ') : 'no error';
  return result.error ? `${got} (runner: ${result.error})` : got;
}

export const describeExpected = (e: Expected) =>
  'noError' in e ? 'no error' : e.session === 'any' ? `${e.sqlstate} in any session` : `${e.sqlstate} in session ${e.session}`;

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

/**
 * A case's status and a sentence for its page. Pass the reproduction (or fix check) to detect
 * staleness; `verb` is "Reproduced" for a reproduction, "Verified" for a fix.
 */
export function summariseCase(result: CaseResult | undefined, results: VerificationResults, reproduction?: Checkable, verb = 'Reproduced'): Summary {
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
    return { status: 'verified', text: `${verb} on PostgreSQL ${versions(passed)}.${notApplicable}`, perMajor };
  }
  const how = failed.map((m) => `on ${m.version}: ${m.text}`).join('; ');
  if (!passed.length) {
    return { status: 'failed', text: `Did not reproduce: expected ${expected}; ${how}.${notApplicable}`, perMajor };
  }
  return {
    status: 'differs',
    text: `${verb} on PostgreSQL ${versions(passed)}; expected ${expected} but ${how}.${notApplicable}`,
    perMajor,
  };
}

/** For entry pages: the committed result of one code. */
export function verificationSummary(code: string, reproduction?: Checkable, results = committedResults): Summary {
  return summariseCase(results.cases[code], results, reproduction);
}

/** For a fix on an entry page: the committed result of its check. */
export function fixVerificationSummary(code: string, n: number, check: Checkable, results = committedResults): Summary {
  return summariseCase(results.cases[fixCaseId(code, n)], results, check, 'Verified');
}

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
