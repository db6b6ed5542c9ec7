import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitStatements } from '../../scripts/verify/split-sql.ts';
import { fixCheckSchema, reproductionSchema, type Reproduction } from '../../src/lib/reproduction-schema.ts';
import {
  canonicalJson, casesOf, catalogHas, compareRuns, countCases, countFixes, expectedOf, judge, mergeResults, reproductionHash, serialiseResults,
  skipReason, staleness, summariseCase, versionDisagreements,
  type CaseResult, type Received, type VerificationResults,
} from '../../src/lib/verification.ts';

const repro = (r: unknown) => reproductionSchema.parse(r) as Reproduction;
const sqlCase = repro({ kind: 'sql', description: 'divide', expect: { sqlstate: '22012' }, sql: 'SELECT 1/0' });
const got = (session: string, sqlstate: string, message = 'm'): Received => ({ session, sqlstate, severity: 'ERROR', message });
const servers = { 14: '14.23', 15: '15.18', 16: '16.14', 17: '17.10', 18: '18.4' };

function results(cases: Record<string, CaseResult>): VerificationResults {
  return { ranAt: '2025-01-01', servers, cases, versionFacts: {}, versionDisagreements: [] };
}
function caseResult(majors: CaseResult['majors'], r: Reproduction = sqlCase): CaseResult {
  return { kind: r.kind, hash: reproductionHash(r), expected: { sqlstate: '22012', session: 'main' }, runnable: true, majors };
}
const pass = { pass: true, got: [got('main', '22012')] };
const allPass = { 14: pass, 15: pass, 16: pass, 17: pass, 18: pass };

test('canonical JSON sorts keys at every level and drops undefined', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } }), '{"a":{"d":[{"y":2,"z":1}]},"b":1}');
});

test('the hash ignores key order and changes with the content', () => {
  const a = repro({ kind: 'sql', description: 'x', expect: { sqlstate: '22012' }, sql: 'SELECT 1/0' });
  const b = repro({ sql: 'SELECT 1/0', expect: { sqlstate: '22012' }, description: 'x', kind: 'sql' });
  assert.equal(reproductionHash(a), reproductionHash(b));
  assert.notEqual(reproductionHash(a), reproductionHash(repro({ ...a, sql: 'SELECT 2/0' })));
  assert.match(reproductionHash(a), /^[0-9a-f]{64}$/);
});

test('a run passes when the expected session, or any for "any", received the code', () => {
  assert.equal(judge({ sqlstate: '57P01', session: 'a' }, [got('b', '57P01')]), false);
  assert.equal(judge({ sqlstate: '57P01', session: 'a' }, [got('b', '25P02'), got('a', '57P01')]), true);
  assert.equal(judge({ sqlstate: '40P01', session: 'any' }, [got('b', '40P01')]), true);
  assert.equal(judge({ sqlstate: '40P01', session: 'any' }, []), false);
});

test('the catalog decides which majors have a code', () => {
  const snapshotTooOld = { code: '72000', since: '<=13', removedIn: '17', inReleases: ['13.23', '15.20'] };
  const transactionTimeout = { code: '25P04', since: '17', removedIn: null, inReleases: ['17.12', '18.6', '19~rc1'] };
  assert.equal(catalogHas(snapshotTooOld, 16), true);
  assert.equal(catalogHas(snapshotTooOld, 17), false);
  assert.equal(catalogHas(transactionTimeout, 16), false);
  assert.equal(catalogHas(transactionTimeout, 17), true);
  assert.match(skipReason(snapshotTooOld, sqlCase, 17)!, /removed in PostgreSQL 17/);
  assert.match(skipReason(transactionTimeout, sqlCase, 16)!, /new in PostgreSQL 17/);
  assert.equal(skipReason(transactionTimeout, sqlCase, 18), null);
  const only = repro({ ...sqlCase, onlyMajors: [16] });
  assert.match(skipReason({ code: '22012', since: '<=13', removedIn: null, inReleases: ['13.23', '15.20', '17.12', '18.6', '19~rc1'] }, only, 15)!, /onlyMajors/);
});

test('a code that came with minor releases is known only on servers at least that new', () => {
  const datumVersionMismatch = { code: '22P07', since: '15', removedIn: null, inReleases: ['15.20', '17.12'] };
  assert.equal(catalogHas(datumVersionMismatch, 15, '15.18'), null);
  assert.equal(catalogHas(datumVersionMismatch, 15, '15.20'), true);
  assert.equal(catalogHas(datumVersionMismatch, 17, '17.13'), true);
  assert.equal(catalogHas(datumVersionMismatch, 16, '16.14'), null, 'no 16 file was checked');
  assert.match(skipReason(datumVersionMismatch, sqlCase, 15, '15.18')!, /minor releases 15.20, 17.12/);
  const facts = { '22P07': { 15: false, 16: false, 17: false, 18: false } };
  assert.deepEqual(versionDisagreements(facts, [{ ...datumVersionMismatch, name: 'datum_version_mismatch' }], servers), []);
});

test('version facts disagree only where the server could tell', () => {
  const catalog = [
    { code: '25P04', name: 'transaction_timeout', since: '17', removedIn: null, inReleases: ['17.12', '18.6', '19~rc1'] },
    { code: '01004', name: 'string_data_right_truncation', since: '<=13', removedIn: null, inReleases: ['13.23', '15.20', '17.12', '18.6', '19~rc1'] },
  ];
  const facts = { '25P04': { 16: false, 17: false, 18: true }, '01004': { 14: null } };
  assert.deepEqual(versionDisagreements(facts, catalog), [
    { code: '25P04', name: 'transaction_timeout', major: '17', catalog: true, server: false },
  ]);
});

test('summaries: verified, differs, failed, not checkable, stale', () => {
  const r = (c: CaseResult) => summariseCase(c, results({ X: c }), sqlCase);
  const verified = r(caseResult(allPass));
  assert.equal(verified.status, 'verified');
  assert.equal(verified.text, 'Reproduced on PostgreSQL 14.23, 15.18, 16.14, 17.10 and 18.4.');
  assert.deepEqual(verified.perMajor.map((m) => m.status), ['pass', 'pass', 'pass', 'pass', 'pass']);

  const fail = { pass: false, got: [got('main', '42883', 'function f() does not exist')] };
  const differs = r(caseResult({ ...allPass, 14: fail, 15: { skipped: 'new in 16' } }));
  assert.equal(differs.status, 'differs');
  assert.match(differs.text, /^Reproduced on PostgreSQL 16.14, 17.10 and 18.4; expected 22012 in session main but on 14.23: main: 42883/);
  assert.match(differs.text, /Not applicable to 15\.$/);

  assert.equal(r(caseResult({ 14: fail, 15: fail, 16: fail, 17: fail, 18: fail })).status, 'failed');
  const manual: CaseResult = { ...caseResult({}), kind: 'manual', runnable: false, reason: 'needs a full disk' };
  assert.deepEqual([r(manual).status, r(manual).text], ['not-checkable', 'Not machine-checkable: needs a full disk']);
  const stale = summariseCase(caseResult(allPass), results({}), repro({ ...sqlCase, sql: 'SELECT 2/0' }));
  assert.equal(stale.status, 'not-run');
  assert.equal(summariseCase(undefined, results({})).status, 'not-run');
});

test('counts: runnable, verified, failed, not machine-checkable', () => {
  const manual: CaseResult = { ...caseResult({}), kind: 'manual', runnable: false, reason: 'r' };
  const cases = { A: caseResult(allPass), B: caseResult({ 14: { pass: false, got: [] } }), C: manual, D: caseResult({ 14: { skipped: 'x' } }) };
  assert.deepEqual(countCases(cases, results(cases)), { runnable: 3, verified: 1, failed: 1, notRun: 1, notCheckable: 1 });
});

test('staleness names new, changed, incomplete and orphaned results', () => {
  const committed = results({ A: caseResult(allPass), B: caseResult({ 14: pass }), GONE: caseResult(allPass) });
  const problems = staleness(committed, [
    { code: 'A', reproduction: sqlCase },
    { code: 'B', reproduction: sqlCase },
    { code: 'C', reproduction: sqlCase },
    { code: 'D', reproduction: sqlCase },
  ]);
  assert.deepEqual(problems, [
    'B: no result for 15, 16, 17, 18',
    'C: no result (new entry)',
    'D: no result (new entry)',
    'GONE: result for an entry that no longer exists',
  ]);
  const changed = staleness(committed, [{ code: 'A', reproduction: repro({ ...sqlCase, sql: 'SELECT 3/0' }) }]);
  assert.match(changed[0], /A: the reproduction changed/);
});

test('comparing runs ignores messages but not codes, severities or passes', () => {
  const committed = results({ A: caseResult(allPass) });
  const sameButMessage = results({ A: caseResult({ 14: { pass: true, got: [got('main', '22012', 'other words')] } }) });
  assert.deepEqual(compareRuns(committed, sameButMessage), []);
  const other = results({ A: caseResult({ 14: { pass: false, got: [got('main', '42601')] } }) });
  assert.equal(compareRuns(committed, other).length, 1);
  assert.match(compareRuns(committed, { ...other, servers: { 14: '14.22' } })[0], /server 14/);
});

test('comparing runs lets the victim change when the case expects any session', () => {
  const deadlock = (victim: string): CaseResult => ({
    ...caseResult({ 18: { pass: true, got: [got(victim, '40P01')] } }),
    expected: { sqlstate: '40P01', session: 'any' },
  });
  assert.deepEqual(compareRuns(results({ D: deadlock('a') }), results({ D: deadlock('b') })), []);
  const named = (victim: string) => caseResult({ 18: { pass: true, got: [got(victim, '22012')] } });
  assert.equal(compareRuns(results({ N: named('a') }), results({ N: named('b') })).length, 1);
});

test('merging keeps what did not run and replaces a changed case entirely', () => {
  const old = results({ A: caseResult(allPass), B: caseResult(allPass), GONE: caseResult(allPass) });
  const fail = { pass: false, got: [] };
  const fresh = { ...results({ A: caseResult({ 18: fail }) }), ranAt: '2025-02-02' };
  const merged = mergeResults(old, fresh, ['A', 'B'], []);
  assert.deepEqual(Object.keys(merged.cases), ['A', 'B']);
  assert.deepEqual(merged.cases.A.majors, { ...allPass, 18: fail });
  assert.equal(merged.ranAt, '2025-02-02');
  const changed = repro({ ...sqlCase, sql: 'SELECT 4/0' });
  const remerged = mergeResults(old, results({ A: caseResult({ 18: pass }, changed) }), ['A'], []);
  assert.deepEqual(Object.keys(remerged.cases.A.majors), ['18']);
});

test('the results file is the same text for the same data', () => {
  const a = results({ B: caseResult(allPass), A: caseResult(allPass) });
  const b = { versionDisagreements: [], versionFacts: {}, cases: { A: caseResult(allPass), B: caseResult(allPass) }, servers, ranAt: '2025-01-01' };
  assert.equal(serialiseResults(a), serialiseResults(b));
  assert.ok(serialiseResults(a).endsWith('}\n'));
});

test('SQL splits into statements as psql would', () => {
  assert.deepEqual(splitStatements('BEGIN; SELECT 1/0;\nCOMMIT;'), ['BEGIN', 'SELECT 1/0', 'COMMIT']);
  assert.deepEqual(splitStatements("SELECT 'a;b', \"c;d\", E'\\';'; SELECT 2"), ["SELECT 'a;b', \"c;d\", E'\\';'", 'SELECT 2']);
  assert.deepEqual(
    splitStatements('DO $$ BEGIN RAISE NOTICE \'x\'; END $$; DO $f$ SELECT 1; $f$'),
    ["DO $$ BEGIN RAISE NOTICE 'x'; END $$", 'DO $f$ SELECT 1; $f$'],
  );
  assert.deepEqual(splitStatements('-- a; comment\nSELECT 1; /* b; /* nested; */ */ SELECT 2; -- end'), [
    '-- a; comment\nSELECT 1',
    '/* b; /* nested; */ */ SELECT 2',
  ]);
  assert.deepEqual(splitStatements("SELECT 'it''s; fine'"), ["SELECT 'it''s; fine'"]);
  assert.deepEqual(splitStatements('SELECT $1::int'), ['SELECT $1::int']);
});

test('canonical JSON sorts code-like keys as text and indents like JSON.stringify', () => {
  assert.equal(canonicalJson({ '22001': 1, '08006': 2, '2203G': 3 }), '{"08006":2,"22001":1,"2203G":3}');
  const value = { b: [1, { c: null }], a: {}, e: [], d: 'x' };
  assert.equal(canonicalJson(value, 2), JSON.stringify({ a: {}, b: [1, { c: null }], d: 'x', e: [] }, null, 2));
});

test('a fix check expecting no error fails on any ERROR or FATAL and ignores notices', () => {
  const notice: Received = { session: 'main', sqlstate: '01000', severity: 'WARNING', message: 'w' };
  assert.equal(judge({ noError: true }, []), true);
  assert.equal(judge({ noError: true }, [notice]), true);
  assert.equal(judge({ noError: true }, [got('main', '22012')]), false);
  assert.equal(judge({ noError: true }, [{ ...got('b', '57P01'), severity: 'FATAL' }]), false);
});

test('an entry yields its reproduction and one case per fix check, keyed by the fix anchor', () => {
  const check = fixCheckSchema.parse({ kind: 'sql', sql: 'SELECT 1', expect: { noError: true } });
  const cases = casesOf({ code: '22012', reproduction: sqlCase, fixes: [{}, { check }, {}] });
  assert.deepEqual(cases.map((c) => [c.id, c.fix]), [['22012', undefined], ['22012/fix-2', 2]]);
  assert.deepEqual(expectedOf(check), { noError: true });
  assert.deepEqual(countFixes([{ fixes: [{ check }, { notCheckable: 'a restart' }, {}] as never }]),
    { fixes: 3, runnable: 1, notCheckable: 1, undecided: 1 });
});

test('a fix check that changed is stale, and one that disappeared is dropped on merge', () => {
  const check = fixCheckSchema.parse({ kind: 'sql', sql: 'SELECT 1', expect: { noError: true } });
  const entry = { code: 'A', reproduction: sqlCase, fixes: [{ check }] };
  const fixResult = { ...caseResult(allPass), hash: reproductionHash(check), expected: { noError: true as const } };
  assert.deepEqual(staleness(results({ A: caseResult(allPass), 'A/fix-1': fixResult }), [entry]), []);
  const edited = { ...entry, fixes: [{ check: { ...check, sql: 'SELECT 2' } }] };
  assert.deepEqual(staleness(results({ A: caseResult(allPass), 'A/fix-1': fixResult }), [edited]), ['A/fix-1: the fix check changed since it was verified']);
  const merged = mergeResults(results({ A: caseResult(allPass), 'A/fix-1': fixResult }), results({}), ['A'], []);
  assert.deepEqual(Object.keys(merged.cases), ['A']);
});
