// The results file of `npm run verify` (content/verification/results.json): its types, the
// committed copy, and the canonical JSON and hash that make reruns give no diff.
import { createHash } from 'node:crypto';
import committedJson from '../../../content/verification/results.json' with { type: 'json' };
import type { Checkable } from './cases.ts';

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

/** A SQLSTATE that a session must receive, or (a fix check) that no session gets an error. */
export type Expected =
  | {
      sqlstate: string;
      /** The session that must receive it; "any" where the server picks (a deadlock's victim). */
      session: string;
    }
  | { noError: true };

export interface CaseResult {
  kind: Checkable['kind'];
  /** sha256 of the canonical JSON of the reproduction or fix check: a changed case is stale. */
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

export const reproductionHash = (reproduction: Checkable): string =>
  createHash('sha256').update(canonicalJson(reproduction)).digest('hex');

/** The results file as committed: sorted keys, two-space indent, newline at the end. */
export const serialiseResults = (results: VerificationResults) => canonicalJson(results, 2) + '\n';
