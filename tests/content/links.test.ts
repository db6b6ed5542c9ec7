// Every link an entry cites leads somewhere: PostgreSQL docs pages and fragments exist in that
// version, source files on that branch; any other URL is on an allowed host and was reviewed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkPostgresUrl, linkProblems, listFile, type DocsAnchors, type SourceFiles } from '../../src/lib/claims/links.ts';
import { loadEntries } from '../../src/lib/entry-files.ts';

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const docs: DocsAnchors = json('content/catalog/docs-anchors.json');
const files: SourceFiles = json('content/catalog/source-files.json');
const policy = {
  allowedHosts: listFile(readFileSync('content/links/allowed-hosts.txt', 'utf8')),
  reviewed: new Set(listFile(readFileSync('content/links/external-urls.txt', 'utf8'))),
};

test('every link in every entry resolves, or is an allowed and reviewed external URL', () => {
  const problems = loadEntries().entries.flatMap((e) => linkProblems(e, docs, files, policy).map((p) => `content/errors/${e.code}: ${p}`));
  assert.deepEqual(problems, [], `${problems.length} link problem(s)`);
});

test('the reviewed list holds no URL that no entry cites any more', () => {
  const cited = new Set(loadEntries().entries.flatMap((e) => JSON.stringify(e).match(/https?:\/\/[^\s)`'"<>\]\\]+/g) ?? []).map((u) => u.replace(/[.,;:]+$/, '')));
  const stale = [...policy.reviewed].filter((u) => !cited.has(u));
  assert.deepEqual(stale, [], 'remove these from content/links/external-urls.txt');
});

test('the link check can fail: moved pages, renamed anchors and missing files are caught', () => {
  assert.match(checkPostgresUrl('https://www.postgresql.org/docs/current/disk-full.html', docs, files)!, /no page disk-full\.html/);
  assert.equal(checkPostgresUrl('https://www.postgresql.org/docs/16/disk-full.html', docs, files), null);
  assert.match(checkPostgresUrl('https://www.postgresql.org/docs/current/runtime-config-resource.html#RUNTIME-CONFIG-RESOURCE-ASYNC-BEHAVIOR', docs, files)!, /has no #/);
  assert.equal(checkPostgresUrl('https://www.postgresql.org/docs/current/runtime-config-connection.html#GUC-TCP-KEEPALIVES-IDLE', docs, files), null);
  assert.match(checkPostgresUrl('https://github.com/postgres/postgres/blob/REL_18_STABLE/src/no/such.c', docs, files)!, /does not exist on REL_18_STABLE/);
  assert.equal(checkPostgresUrl('https://github.com/postgres/postgres/blob/REL_18_STABLE/src/backend/tcop/postgres.c', docs, files), null);
  assert.equal(checkPostgresUrl('https://github.com/postgres/postgres/tree/REL_18_STABLE/contrib/postgres_fdw', docs, files), null);
});
