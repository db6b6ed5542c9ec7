// The Go snippets (pgx, lib/pq) are cited, not run: no Go client of the cited versions is packaged
// here. They are compiled instead, with `go vet`, against Debian's packages of pgx v4 (its pgconn
// module, github.com/jackc/pgconn 1.11) and lib/pq 1.10.7. The names the snippets use
// (*pgconn.PgError and its Code, *pq.Error and its Code, pgx.Conn.IsClosed, io.ErrUnexpectedEOF)
// are the same in the cited pgx v5 and lib/pq 1.10.9; only pgx v5's import path differs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { codes } from '../../src/lib/catalog.ts';
import { linesFor } from '../../src/lib/drivers/index.ts';

const GOCODE = '/usr/share/gocode/src/github.com';
const GO_PACKAGES = 'golang-go golang-github-jackc-pgx-v4-dev golang-github-jackc-pgconn-dev golang-github-lib-pq-dev';

function goSource(snippets: string[]): string {
  return [
    'package snippets',
    'import (\n\t"errors"\n\t"io"\n\n\t"github.com/jackc/pgconn"\n\t"github.com/jackc/pgx/v4"\n\t"github.com/lib/pq"\n)',
    // Not every snippet uses every package.
    'var _ = errors.Is\nvar _ = io.EOF\nvar _ *pgconn.PgError\nvar _ *pq.Error\nvar _ *pgx.Conn',
    // Each snippet sees the reader's `err` and, for pgx, the `conn` it ran on.
    ...snippets.map((code, i) => `func snippet${i}(err error, conn *pgx.Conn) {\n${code}\n}`),
  ].join('\n\n');
}

function vet(snippets: string[]): { status: number | null; output: string } {
  const root = mkdtempSync(join(tmpdir(), 'go-snippets-'));
  try {
    mkdirSync(join(root, 'src', 'snippets'), { recursive: true });
    writeFileSync(join(root, 'src', 'snippets', 'snippets.go'), goSource(snippets));
    const run = spawnSync('go', ['vet', 'snippets'], {
      encoding: 'utf8',
      env: { ...process.env, GO111MODULE: 'off', GOPATH: `${root}:/usr/share/gocode`, GOFLAGS: '', GOCACHE: join(tmpdir(), 'go-snippets-cache') },
    });
    return { status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}` };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test('every Go snippet on the pages (pgx, lib/pq) compiles', () => {
  const missing = spawnSync('go', ['version']).status !== 0 || !existsSync(join(GOCODE, 'jackc/pgconn')) || !existsSync(join(GOCODE, 'lib/pq'));
  assert.ok(!missing, `Go or the Go client packages are missing. Install them: apt-get update && apt-get install -y ${GO_PACKAGES}`);
  const snippets = new Set<string>();
  for (const c of codes.filter((x) => x.type === 'error')) {
    for (const line of linesFor(c.code)) if (line.snippet?.lang === 'go') snippets.add(line.snippet.code);
  }
  assert.ok(snippets.size > 400, `${snippets.size} Go snippets found`);
  const { status, output } = vet([...snippets]);
  assert.equal(status, 0, `go vet rejected a snippet:\n${output}`);
});

test('the Go check can fail: a field pgconn.PgError does not have is rejected', () => {
  const { status, output } = vet(['var pgErr *pgconn.PgError\nif errors.As(err, &pgErr) && pgErr.SqlState == "23505" {\n}']);
  assert.notEqual(status, 0);
  assert.match(output, /SqlState undefined/);
});
