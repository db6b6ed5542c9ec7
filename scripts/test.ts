// npm test: type-checks and builds the site, then runs every test file in one node:test run, so there is one
// summary at the end. Tests that need Chromium or PostgreSQL say what to install when missing.
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';

const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;

for (const step of ['typecheck', 'build']) {
  const status = run('npm', ['run', '--silent', step]);
  if (status !== 0) {
    console.error(`npm test: ${step} failed (see above), so no test ran.`);
    process.exit(status);
  }
}
const files = globSync('tests/**/*.test.ts').sort();
process.exit(run(process.execPath, ['--test', '--test-reporter=spec', ...files]));
