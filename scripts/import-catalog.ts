// One-off importer: reads PostgreSQL's errcodes.txt files and the message table from a folder
// given on the command line and writes the project's own catalog under content/catalog/.
// The build reads only content/; run this again only when new PostgreSQL data arrives.
//
//   npm run import-catalog -- ../shared/data/postgres
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseErrcodes, parseTsv, unescapeC } from '../src/lib/errcodes.ts';

// The errcodes.txt files and the server release each came from (see the data folder's README).
const FILES = [
  { file: 'errcodes-13.txt', release: '13.23' },
  { file: 'errcodes-15.txt', release: '15.20' },
  { file: 'errcodes-17.txt', release: '17.12' },
  { file: 'errcodes-18.txt', release: '18.6' },
  { file: 'errcodes-19rc1.txt', release: '19~rc1' },
];
import { existsSync } from "node:fs";
import { importMessages } from "./import-messages.ts";
const MESSAGES_FROM = '18.6';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run import-catalog -- <folder with errcodes-*.txt and *.tsv>');
  process.exit(2);
}
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

const files = FILES.map((f) => ({ ...f, lines: parseErrcodes(read(f.file)) }));
const history = parseTsv(read('sqlstate-history.tsv'));
const messages = parseTsv(read('errmsg-by-sqlstate.tsv'));

const classes = new Map<string, string>();
const latest = new Map<string, (typeof files)[number]['lines'][number]>();
for (const f of files) {
  for (const line of f.lines) {
    classes.set(line.classCode, line.className);
    latest.set(line.code, line);
  }
}

const codes = history.map((h) => {
  const line = latest.get(h.sqlstate);
  if (!line) throw new Error(`${h.sqlstate} is in sqlstate-history.tsv but in no errcodes file`);
  const inReleases = files.filter((f) => f.lines.some((l) => l.code === h.sqlstate)).map((f) => f.release);
  return {
    code: h.sqlstate,
    name: h.condition_name,
    classCode: h.class_code,
    type: line.type,
    macros: [line.macro, ...line.macroAliases],
    // "<=13" means: already present in the oldest file checked (13.23).
    since: h.first_major_version,
    removedIn: h.removed_in === '' ? null : h.removed_in,
    inReleases,
  };
});
codes.sort((a, b) => a.code.localeCompare(b.code));

const byCode: Record<string, { text: string; file: string }[]> = {};
for (const m of messages) {
  (byCode[m.sqlstate] ??= []).push({ text: unescapeC(m.message_format), file: m.source_file });
}
for (const code of Object.keys(byCode)) {
  if (!latest.has(code)) throw new Error(`message table names unknown code ${code}`);
  byCode[code].sort((a, b) => a.text.localeCompare(b.text));
}

const out = 'content/catalog';
// One record a line: reviewable diffs when the data is imported again.
const lines = (items: unknown[]) => `[\n${items.map((i) => ' ' + JSON.stringify(i)).join(',\n')}\n]`;
const write = (name: string, json: string) => writeFileSync(join(out, name), json + '\n');
const classList = [...classes].map(([code, name]) => ({ code, name }));
write('classes.json', lines(classList.sort((a, b) => a.code.localeCompare(b.code))));
write('codes.json', `{"releases": ${JSON.stringify(FILES.map((f) => f.release))},\n"codes": ${lines(codes)}}`);
const messageLines = Object.entries(byCode).map(([code, list]) => list.map((m) => ({ code, ...m }))).flat();
write('messages.json', `{"from": "PostgreSQL ${MESSAGES_FROM} sources",\n"messages": ${lines(messageLines)}}`);
console.log(`wrote ${codes.length} codes in ${classes.size} classes, messages for ${Object.keys(byCode).length} codes`);

// The message texts of 14-19, the client texts and the translations (see import-messages.ts).
const messagesDir = join(dir, 'messages');
if (!existsSync(messagesDir)) throw new Error(`${messagesDir} is missing: it holds server-messages.tsv, client-messages.tsv, labels.tsv and translations/`);
const n = importMessages(messagesDir);
console.log(`wrote ${n.server} server message rows, ${n.client} client rows, translations for ${n.languages.length} languages`);
