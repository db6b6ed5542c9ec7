// What `npm run verify` prints: a table of cases by major, every failure with what was expected
// and what was received, the counts, and the version facts.
import {
  describeExpected, describeGot,
  type CaseResult, type VerificationResults, type VersionDisagreement, type VersionFact,
} from '../../src/lib/verification.ts';

const cell = (result: CaseResult, major: number) => {
  const r = result.majors[major];
  if (!result.runnable) return 'manual';
  if (!r) return '-';
  if ('skipped' in r) return 'n/a';
  return r.error ? 'ERROR' : r.pass ? 'pass' : 'FAIL';
};

export function table(cases: Record<string, CaseResult>, majors: number[]): string {
  const rows = [['code', 'kind', 'expected', ...majors.map(String)]];
  for (const [code, result] of Object.entries(cases).sort(([a], [b]) => a.localeCompare(b))) {
    rows.push([code, result.kind, describeExpected(result.expected).replace(' in session ', ' @'), ...majors.map((m) => cell(result, m))]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}

/** One line per failing case and major: entry, major, expected, received. */
export function failures(cases: Record<string, CaseResult>, servers: Record<string, string>, notes: Record<string, string[]>): string[] {
  const lines: string[] = [];
  for (const [code, result] of Object.entries(cases).sort(([a], [b]) => a.localeCompare(b))) {
    for (const [major, r] of Object.entries(result.majors)) {
      if ('skipped' in r || r.pass) continue;
      const client = notes[`${code} on ${major}`];
      lines.push(
        `FAIL ${code} on PostgreSQL ${servers[major] ?? major}: expected ${describeExpected(result.expected)}; received ${describeGot(r)}` +
          (client ? ` [client: ${client.join('; ')}]` : ''),
      );
    }
  }
  return lines;
}

export function disagreementLines(list: VersionDisagreement[]): string[] {
  return list.map((d) =>
    `VERSION ${d.code} (${d.name}) on ${d.major}: the catalog says ${d.catalog ? 'present' : 'absent'}, the server ${d.server ? 'knows it' : 'does not know it'}`);
}

/** Per major: how many conditions the server knows, and which of the catalog's it does not. */
export function factLines(facts: Record<string, Record<string, VersionFact>>, results: VerificationResults, majors: number[]): string[] {
  return majors.map((major) => {
    const values = Object.entries(facts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, byMajor]) => [code, byMajor[major]] as const)
      .filter(([, v]) => v !== undefined);
    const known = values.filter(([, v]) => v === true).length;
    const unknown = values.filter(([, v]) => v === false).map(([code]) => code);
    const cannotTell = values.filter(([, v]) => v === null).length;
    return `  ${results.servers[major] ?? major}: knows ${known}, does not know ${unknown.length}${unknown.length ? ` (${unknown.join(', ')})` : ''}, ${cannotTell} success/warning codes it cannot tell`;
  });
}
