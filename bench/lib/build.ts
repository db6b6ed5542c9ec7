// Builds a site in a throw-away copy and measures each step: wall time and peak memory.
// Every build happens under os.tmpdir(), never in the repo: others run tests against its dist/.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, globSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
const TIME = '/usr/bin/time';
// Caches tools write inside node_modules; each copy gets its own so builds never share them.
const NODE_MODULE_CACHES = new Set(['.astro', '.vite', '.cache']);

export interface Step {
  seconds: number;
  peakMB: number;
}

/**
 * Copies a project into a fresh folder under the system temp dir, without node_modules, dist,
 * caches and VCS data. `ref` copies that git commit's tree instead of the working tree.
 */
export function copyProject(from: string, skip: string[] = [], ref?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pg-errors-bench-'));
  if (ref) {
    const archive = spawnSync('git', ['archive', '--format=tar', ref], { cwd: from, maxBuffer: 1 << 30 });
    if (archive.status !== 0) throw new Error(`git archive ${ref}: ${archive.stderr}`);
    spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
    return dir;
  }
  const excluded = new Set(['node_modules', 'dist', '.astro', '.git', ...skip]);
  cpSync(from, dir, { recursive: true, filter: (src) => !excluded.has(relative(from, src)) });
  return dir;
}

/**
 * Gives a copy the node_modules of `from`. Symlinks per package (fast, and the caches stay
 * private) work for our site. Starlight ships .astro components that Vite refuses to compile
 * through a symlink that leaves the project, so the peer gets hard links instead (`hardLink`).
 */
export function linkNodeModules(from: string, dir: string, hardLink = false) {
  const source = join(from, 'node_modules');
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(source)) {
    if (NODE_MODULE_CACHES.has(name)) continue;
    const [src, dest] = [join(source, name), join(dir, 'node_modules', name)];
    if (!hardLink) symlinkSync(src, dest);
    else if (spawnSync('cp', ['-al', src, dest]).status !== 0) cpSync(src, dest, { recursive: true }); // another filesystem
  }
}

export const removeCopy = (dir: string) => rmSync(dir, { recursive: true, force: true });

/** Runs a command; resolves with its wall time and the peak resident memory it needed. */
export async function timed(cmd: string, args: string[], cwd: string): Promise<Step> {
  // /usr/bin/time -v reports the largest resident set among the process and its children;
  // without it we sample the whole process tree, which can only over-count.
  const useTime = existsSync(TIME);
  const [file, argv] = useTime ? [TIME, ['-v', cmd, ...args]] : [cmd, args];
  const start = performance.now();
  const child = spawn(file, argv, { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let sampledKB = 0;
  const sampler = useTime ? undefined : setInterval(() => (sampledKB = Math.max(sampledKB, treeRssKB(child.pid!))), 100);
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${output.slice(-3000)}`);
  const maxKB = useTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(output)?.[1] ?? 0) : sampledKB;
  return { seconds, peakMB: maxKB / 1024 };
}

/** The summed resident memory of a process and all its descendants, from /proc. */
function treeRssKB(root: number): number {
  const procs = readdirSync('/proc').filter((p) => /^\d+$/.test(p)).flatMap((p) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
      return [{ pid: Number(p), ppid, rss }];
    } catch {
      return []; // the process ended meanwhile
    }
  });
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) if (!tree.has(p.pid) && tree.has(p.ppid)) grew = tree.add(p.pid) !== undefined;
  }
  return procs.filter((p) => tree.has(p.pid)).reduce((sum, p) => sum + p.rss, 0);
}

export const countPages = (dist: string) => globSync('**/*.html', { cwd: dist }).length;

/** A clean build: no dist/ or content cache left from a previous run in the same copy. */
export function cleanBuildOutput(dir: string) {
  for (const path of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) {
    rmSync(join(dir, path), { recursive: true, force: true });
  }
}

/** Our build, as `npm run build` does it minus the content check: Astro, then Pagefind. */
export async function buildOurs(dir: string): Promise<{ astro: Step; pagefind: Step; pages: number }> {
  cleanBuildOutput(dir);
  const astro = await timed(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], dir);
  const pagefind = await timed(process.execPath, ['node_modules/pagefind/lib/runner/bin.cjs', '--site', 'dist', '--silent'], dir);
  return { astro, pagefind, pages: countPages(join(dir, 'dist')) };
}
