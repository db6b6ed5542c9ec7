// A malformed entry must fail both the content check and Astro's own build step, and the
// message must name the file and the field.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

const CASES = [
  { dir: 'unquoted-code', field: 'code', says: 'quoted string' },
  { dir: 'unknown-related', field: 'related', says: '22999' },
  { dir: 'missing-field', field: 'meaning', says: 'meaning' },
  { dir: 'bad-tier', field: 'tier', says: 'must be 1, 2 or 3' },
];

const run = (cmd: string, args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, out: r.stdout + r.stderr };
};

for (const c of CASES) {
  const dir = `tests/fixtures/malformed/${c.dir}`;
  const file = `${dir}/22012.yaml`;

  test(`check:content rejects ${c.dir}, naming file and field`, () => {
    const { status, out } = run(process.execPath, ['scripts/check-content.ts', dir]);
    assert.notEqual(status, 0, out);
    const line = out.split('\n').find((l) => l.startsWith(file));
    assert.ok(line, `no line names ${file}:\n${out}`);
    assert.match(line, new RegExp(`: ${c.field}[\\[.:]`));
    assert.ok(line.includes(c.says), line);
  });

  test(`astro's content sync rejects ${c.dir}, naming file and field`, () => {
    const { status, out } = run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'sync'], { ENTRY_DIR: dir });
    assert.notEqual(status, 0, out);
    assert.ok(out.includes('22012.yaml'), out);
    assert.match(out, new RegExp(`\\b${c.field}\\b`));
    assert.ok(out.includes(c.says), out);
  });
}

test('the valid fixture passes, so the failures above are the defects', () => {
  const { status, out } = run(process.execPath, ['scripts/check-content.ts', 'tests/fixtures/valid']);
  assert.equal(status, 0, out);
});
