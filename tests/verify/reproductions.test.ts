// Every runnable reproduction still gives its expected SQLSTATE on real PostgreSQL 14-18, the
// committed results match a fresh run, and the catalog's versions match what servers know.
// The runner names the entry, the major and what was received whenever something differs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

test('npm run verify -- --check passes on every major', { timeout: 10 * 60_000 }, () => {
  if (process.env.ENTRY_DIR) return; // fixture folders have no committed results
  const run = spawnSync(process.execPath, ['scripts/verify.ts', '--check'], { encoding: 'utf8' });
  const output = `${run.stdout}\n${run.stderr}`;
  const summary = output.trim().split('\n').filter((l) => /runnable|verified|failed|stale|differ|disagree/i.test(l));
  console.log(summary.slice(-5).join('\n'));
  assert.equal(run.status, 0, output.slice(-6000));
});
