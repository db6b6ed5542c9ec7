// npm test: builds the site, then runs every test file in one node:test run, so there is one
// summary at the end. Tests that need Chromium or PostgreSQL say what to install when missing.
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';

const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;

const build = run('npm', ['run', '--silent', 'build']);
if (build !== 0) {
  console.error('npm test: the build failed (see above), so no test ran.');
  process.exit(build);
}
const files = globSync('tests/**/*.test.ts').sort();
process.exit(run(process.execPath, ['--test', '--test-reporter=spec', ...files]));
