// The peer: the same content as a minimal Starlight site (bench/peer-starlight/), so every
// figure has something to be compared with in the same run, on the same machine.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../peer-starlight/generate.ts';
import { cleanBuildOutput, copyProject, countPages, linkNodeModules, ROOT, timed, type Step } from './build.ts';
import type { SearchUi } from './search.ts';

export const PEER = join(ROOT, 'bench/peer-starlight');

/** Starlight's search lives in a dialog opened from the header; Pagefind UI renders the results. */
export const PEER_SEARCH: SearchUi = {
  path: '/',
  open: 'button[data-open-modal]',
  input: '#starlight__search input',
  result: '#starlight__search a.pagefind-ui__result-link',
};

/** Installs the peer's own dependencies from its lockfile the first time. */
export function ensurePeerDeps() {
  if (existsSync(join(PEER, 'node_modules/@astrojs/starlight'))) return;
  console.log('Installing the peer site (npm ci in bench/peer-starlight)...');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEER, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm ci in bench/peer-starlight failed');
}

/** A temporary copy of the peer with pages generated from `contentDir` (ours, maybe synthetic). */
export function preparePeer(contentDir: string): string {
  const dir = copyProject(PEER, ['src/content/docs']);
  linkNodeModules(PEER, dir, true);
  generate(contentDir, join(dir, 'src/content/docs'));
  return dir;
}

/** Starlight runs Pagefind inside `astro build`, so the peer has one step where we have two. */
export async function buildPeer(dir: string): Promise<{ astro: Step; pages: number }> {
  cleanBuildOutput(dir);
  const astro = await timed(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], dir);
  return { astro, pages: countPages(join(dir, 'dist')) };
}
