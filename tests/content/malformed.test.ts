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
  { dir: 'mdx-missing-field', field: 'meaning', says: 'meaning', file: '22012.mdx' },
];

const run = (cmd: string, args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, out: r.stdout + r.stderr };
};

for (const c of CASES) {
  const dir = `tests/fixtures/malformed/${c.dir}`;
  const file = `${dir}/${c.file ?? '22012.yaml'}`;

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
    assert.ok(out.includes(c.file ?? '22012.yaml'), out);
    assert.match(out, new RegExp(`\\b${c.field}\\b`));
    assert.ok(out.includes(c.says), out);
  });
}

test('one code in both a .yaml and an .mdx file is rejected, naming both', () => {
  const { status, out } = run(process.execPath, ['scripts/check-content.ts', 'tests/fixtures/malformed/mdx-and-yaml']);
  assert.notEqual(status, 0, out);
  assert.match(out, /22012\.mdx: \(file name\): 22012 has both 22012\.yaml and 22012\.mdx/);
});

test('the valid fixtures pass, so the failures above are the defects', () => {
  for (const dir of ['tests/fixtures/valid', 'tests/fixtures/valid-mdx']) {
    const { status, out } = run(process.execPath, ['scripts/check-content.ts', dir]);
    assert.equal(status, 0, `${dir}: ${out}`);
  }
});
