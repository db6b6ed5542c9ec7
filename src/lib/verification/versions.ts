// Which servers a code exists on, by the catalog, and what the servers themselves said.
import { addedInMinors, type CatalogCode } from '../catalog.ts';
import type { Checkable } from './cases.ts';
import { committedResults, type VerificationResults, type VersionDisagreement } from './results.ts';

const majorOf = (version: string) => Number(version.replace(/^<=/, ''));

export type CodeFacts = Pick<CatalogCode, 'code' | 'since' | 'removedIn' | 'inReleases'>;

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
export function skipReason(code: CodeFacts, reproduction: Checkable, major: number, version?: string): string | null {
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
