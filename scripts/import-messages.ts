// One-off importer: every message text the server of majors 14-19 can send, with its level, the
// SQLSTATE(s) it carries, how that SQLSTATE was determined, its source file and the majors that have
// it, from ../shared/data/postgres/messages/server-messages.tsv (see its README). Writes
// content/catalog/server-messages.json, which the quoted-message check reads.
//
//   npm run import-messages -- ../shared/data/postgres/messages
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTsv } from '../src/lib/errcodes.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run import-messages -- <folder with server-messages.tsv>');
  process.exit(2);
}
// The file's own escaping: a backslash, newline, tab or carriage return written as \\ \n \t \r.
const unescapeTsv = (s: string) => s.replace(/\\([\\ntr])/g, (_, c) => ({ '\\': '\\', n: '\n', t: '\t', r: '\r' })[c as string]!);
const rows = parseTsv(readFileSync(join(dir, 'server-messages.tsv'), 'utf8'))
  .map((r) => ({ text: unescapeTsv(r.text), kind: r.kind, level: r.level, sqlstate: r.sqlstate, how: r.how, file: r.file, majors: r.majors }));
const lines = rows.map((r) => ' ' + JSON.stringify(r)).join(',\n');
writeFileSync('content/catalog/server-messages.json', `{"from": "PostgreSQL 14-19 sources (server-messages.tsv)",\n"messages": [\n${lines}\n]}\n`);
console.log(`wrote ${rows.length} server message rows`);
