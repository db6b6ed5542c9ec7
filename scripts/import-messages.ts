// Importer for ../shared/data/postgres/messages/ (see its README): every message text the server of
// majors 14-19 can send, with level, SQLSTATE(s), how the SQLSTATE was determined, source file and
// majors; libpq's and psql's own texts; the server's, libpq's and psql's translations of those
// texts; the translated level labels; and the errno -> SQLSTATE mappings of elog.c. Writes
// content/catalog/server-messages.json, client-messages.json, labels.json, errno.json and
// translations/<lang>.json, with the corrections of content/catalog-corrections.yaml applied (the
// data is read where each major branched; minor releases changed some of it). The build reads only
// those files.
//
//   npm run import-messages -- ../shared/data/postgres/messages
//   (npm run import-catalog -- ../shared/data/postgres runs it too)
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTsv } from '../src/lib/errcodes.ts';
import yaml from 'js-yaml';
import { applyCorrections, correctionsSchema } from '../src/lib/messages/corrections.ts';
import { parseErrnoTables, tieDetails } from '../src/lib/messages/import.ts';

export const CORRECTIONS_FILE = 'content/catalog-corrections.yaml';
export function readCorrections(file = CORRECTIONS_FILE) {
  const parsed = correctionsSchema.safeParse(yaml.load(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

const OUT = 'content/catalog';
// The file's own escaping: a backslash, newline, tab or carriage return written as \\ \n \t \r.
const unescapeTsv = (s: string) => s.replace(/\\([\\ntr])/g, (_, c) => ({ '\\': '\\', n: '\n', t: '\t', r: '\r' })[c as string]!);
// One record a line: reviewable diffs when the data is imported again.
const write = (name: string, head: string, rows: unknown[]) =>
  writeFileSync(join(OUT, name), `{${head},\n"rows": [\n${rows.map((r) => ' ' + JSON.stringify(r)).join(',\n')}\n]}\n`);

export function importMessages(dir: string) {
  const tsv = (name: string) => parseTsv(readFileSync(join(dir, name), 'utf8'));

  const server = tsv('server-messages.tsv').map((r) => ({
    text: unescapeTsv(r.text), kind: r.kind, level: r.level, sqlstate: r.sqlstate, how: r.how,
    file: r.file, majors: r.majors, lines: r.lines,
  }));
  // DETAIL and HINT rows are tied to the errmsg of the same report (see tieDetails); the line
  // numbers are only needed for that and stay out of the output.
  const errnoTables = parseErrnoTables(readFileSync(join(dir, 'README.md'), 'utf8'));
  const corrected = applyCorrections(server, errnoTables, readCorrections());
  const withTies = tieDetails(corrected.rows).map(({ lines: _, ...row }) => row);
  writeFileSync(join(OUT, 'server-messages.json'),
    `{"from": "PostgreSQL 14-19 sources (server-messages.tsv), corrected by ${CORRECTIONS_FILE}",\n"messages": [\n${withTies.map((r) => ' ' + JSON.stringify(r)).join(',\n')}\n]}\n`);

  const client = tsv('client-messages.tsv').map((r) => ({ text: unescapeTsv(r.text), component: r.component, file: r.file, majors: r.majors, via: r.via }));
  write('client-messages.json', '"from": "libpq and psql sources of 14-19 (client-messages.tsv)"', client);

  const labels = tsv('labels.tsv').map((r) => ({ lang: r.lang, label: r.label, translation: unescapeTsv(r.translation), domain: r.domain, majors: r.majors }));
  write('labels.json', '"from": "labels.tsv: severity and field labels per language"', labels);

  const errno = { majors: errnoTables.majors, ...corrected.errno };
  writeFileSync(join(OUT, 'errno.json'), JSON.stringify({ from: `errcode_for_*_access() mappings of elog.c and dsm_impl.c, per major (messages README), corrected by ${CORRECTIONS_FILE}`, ...errno }, null, 1) + '\n');

  // Translations of the texts the site shows or searches: server and client texts only (not GUC
  // descriptions), without the catalog source column.
  const wanted = new Set([...server.map((r) => r.text), ...client.map((r) => r.text)]);
  mkdirSync(join(OUT, 'translations'), { recursive: true });
  const languages: { lang: string; rows: number }[] = [];
  for (const file of readdirSync(join(dir, 'translations')).filter((f) => f.endsWith('.tsv')).sort()) {
    const lang = file.replace(/\.tsv$/, '');
    const rows = tsv(join('translations', file))
      .map((r) => ({ domain: r.domain, msgid: unescapeTsv(r.msgid), plural: r.msgid_plural_index, msgstr: unescapeTsv(r.msgstr), majors: r.majors }))
      .filter((r) => wanted.has(r.msgid) && r.msgstr.trim() !== '')
      .map((r) => (r.plural === '' ? [r.domain, r.msgid, r.msgstr, r.majors] : [r.domain, r.msgid, r.msgstr, r.majors, Number(r.plural)]));
    write(join('translations', `${lang}.json`), `"lang": ${JSON.stringify(lang)}, "columns": ["domain", "msgid", "msgstr", "majors", "pluralIndex"]`, rows);
    languages.push({ lang, rows: rows.length });
  }
  return { server: server.length, client: client.length, labels: labels.length, languages };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npm run import-messages -- <folder with server-messages.tsv, client-messages.tsv, labels.tsv, translations/>');
    process.exit(2);
  }
  const n = importMessages(dir);
  console.log(`wrote ${n.server} server rows, ${n.client} client rows, ${n.labels} labels, translations for ${n.languages.length} languages (${n.languages.map((l) => `${l.lang} ${l.rows}`).join(', ')})`);
}
