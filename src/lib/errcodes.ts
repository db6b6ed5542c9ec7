// Parsers for PostgreSQL's own catalog files. Pure functions: the importer feeds them file text,
// and the unit tests feed them small samples.

export type ErrorType = 'error' | 'warning' | 'success';

export interface ErrcodesLine {
  code: string;
  type: ErrorType;
  macro: string;
  /** Other C macros for the same code, e.g. ERRCODE_UNDEFINED_CURSOR for 34000. */
  macroAliases: string[];
  name: string;
  classCode: string;
  className: string;
}

const TYPES: Record<string, ErrorType> = { E: 'error', W: 'warning', S: 'success' };

/** Parses `src/backend/utils/errcodes.txt`: `Section: Class NN - Name` headers, then code lines. */
export function parseErrcodes(text: string): ErrcodesLine[] {
  const out: ErrcodesLine[] = [];
  let classCode = '';
  let className = '';
  const aliases: { code: string; macro: string }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const section = /^Section: Class (\w\w) - (.+)$/.exec(line);
    if (section) {
      classCode = section[1];
      className = section[2];
      continue;
    }
    const fields = line.split(/\s+/);
    const [code, letter, macro, name] = fields;
    if (!/^[0-9A-Z]{5}$/.test(code) || !(letter in TYPES)) {
      throw new Error(`errcodes.txt: cannot read line "${line}"`);
    }
    // A line without a condition name is a second C macro for a code defined in its own class
    // (ERRCODE_UNDEFINED_CURSOR is 34000, listed under class 42): not a code of its own.
    if (name === undefined) {
      aliases.push({ code, macro });
      continue;
    }
    if (code.slice(0, 2) !== classCode) {
      throw new Error(`errcodes.txt: ${code} is outside its section (Class ${classCode})`);
    }
    out.push({ code, type: TYPES[letter], macro, macroAliases: [], name, classCode, className });
  }
  for (const alias of aliases) {
    const target = out.find((l) => l.code === alias.code);
    if (!target) throw new Error(`errcodes.txt: macro ${alias.macro} names unknown code ${alias.code}`);
    target.macroAliases.push(alias.macro);
  }
  return out;
}

/** Undoes the C string escapes kept in the message table (`\"` -> `"`, `\\` -> `\`, `\n`). */
export function unescapeC(text: string): string {
  return text.replace(/\\(["\\nt'])/g, (_, c: string) => ({ n: '\n', t: '\t' })[c] ?? c);
}

/** Parses a TSV with a header row into records keyed by the header's column names. */
export function parseTsv(text: string): Record<string, string>[] {
  const [header, ...rows] = text.split('\n').filter((l) => l.trim() !== '');
  const columns = header.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}
