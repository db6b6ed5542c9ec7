// Every code is authored today, but a future PostgreSQL may add codes before their entries exist:
// a build from a fixture folder with one entry shows every other code as a pending page.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const out = mkdtempSync(join(tmpdir(), 'pending-build-'));
after(() => rmSync(out, { recursive: true, force: true }));

test('a code without an entry gets a pending page with its catalog facts and client list', { timeout: 5 * 60_000 }, () => {
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], {
    encoding: 'utf8', env: { ...process.env, ENTRY_DIR: 'tests/fixtures/valid' },
  });
  assert.equal(build.status, 0, build.stderr.slice(-3000));
  const pending = readFileSync(join(out, 'errors/23505/index.html'), 'utf8');
  assert.match(pending, /not written yet/);
  assert.match(pending, /id="in-your-code"/, 'the client list does not need an entry');
  assert.match(pending, /unique_violation/);
  assert.doesNotMatch(readFileSync(join(out, 'errors/22012/index.html'), 'utf8'), /not written yet/, 'the fixture entry is authored');
});
