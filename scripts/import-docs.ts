// One-off importer: which PostgreSQL documentation pages and anchors, and which source files, exist
// in each major 14-19, from the folder given on the command line (see its README). Writes
// content/catalog/docs-anchors.json and source-files.json, which the link test reads.
//
//   npm run import-docs -- ../shared/data/postgres/docs
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTsv } from '../src/lib/errcodes.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run import-docs -- <folder with docs-anchors.tsv and source-files.tsv>');
  process.exit(2);
}
const read = (name: string) => parseTsv(readFileSync(join(dir, name), 'utf8'));

// page -> anchor ("" for the page itself) -> majors, e.g. "14,15,16,17,18,19".
const pages: Record<string, Record<string, string>> = {};
for (const row of read('docs-anchors.tsv')) {
  // A page is a row with an empty anchor; ids outside any page (an empty page) are kept under "".
  (pages[row.page] ??= {})[row.anchor] = row.majors;
}
const files = Object.fromEntries(read('source-files.tsv').map((r) => [r.path, r.majors]));

const sorted = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
const lines = (o: Record<string, unknown>) => `{\n${Object.entries(o).map(([k, v]) => ` ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}\n`;
writeFileSync('content/catalog/docs-anchors.json', lines(sorted(Object.fromEntries(Object.entries(pages).map(([p, a]) => [p, sorted(a)])))));
writeFileSync('content/catalog/source-files.json', lines(sorted(files)));
console.log(`wrote ${Object.keys(pages).length} documentation pages and ${Object.keys(files).length} source files`);
