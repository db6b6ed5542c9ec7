// How a code's messages page groups and explains them (src/pages/errors/[code]/messages.astro).
import { errnoTables } from './catalog.ts';
import type { CodeMessage } from './by-code.ts';

const COMMON = 25;

export function groupMessages(code: string, all: CodeMessage[]) {
  const messages = all.filter((m) => m.role === 'message');
  const named = messages.filter((m) => m.how === 'literal' || m.how === 'variable' || m.how === 'caller' || m.how === 'mixed');
  const errno = messages.filter((m) => m.how.endsWith('-errno'));
  const byDefault = messages.filter((m) => m.how === 'default' || m.how === 'elog');
  // For XX000: the elog() texts raised from the most files, a measure of how widely they can occur.
  const common = code === 'XX000'
    ? byDefault.filter((m) => m.how === 'elog').sort((a, b) => b.files.length - a.files.length || a.text.localeCompare(b.text)).slice(0, COMMON)
    : [];
  const tied = new Set(messages.flatMap((m) => m.details.map((d) => `${d.role}\u0000${d.text}`)));
  const loose = all.filter((m) => m.role !== 'message' && !tied.has(`${m.role}\u0000${m.text}`));
  // Translations of the messages that name the code (and their details): the errno and default
  // groups are the same file and internal texts on many pages, and would multiply the page.
  const translatable = [...new Set([...named, ...common, ...loose].flatMap((m) => [m.text, ...m.details.map((d) => d.text)]))];
  return { common, named, errno, byDefault, loose, translatable };
}

/** "ENOENT gives 58P01, ..." for the errno families whose mapping can give this code. */
export function errnoSentence(code: string): string {
  const t = errnoTables();
  const parts: string[] = [];
  const families = [['file', t.file, 'file and directory calls'], ['socket', t.socket, 'network calls'], ['dsm', t.dsm, 'dynamic shared memory']] as const;
  for (const [, rows, what] of families) {
    if (!rows.some((r) => Object.values(r.codes).includes(code))) continue;
    const gives = rows.map((r) => {
      const majors = t.majors.filter((m) => r.codes[m] !== null);
      const value = r.codes[t.majors.at(-1)!];
      const target = value === 'file' ? 'as for files' : value;
      const since = majors.length < t.majors.length ? ` (from ${majors[0]})` : '';
      return `${r.errno === 'default' || r.errno === 'other' ? 'any other error' : r.errno} gives ${target}${since}`;
    });
    const notes = rows.flatMap((r) => (r.note ? [`${r.errno}: ${r.note}`] : []));
    parts.push(`For ${what} the server maps the error number (errno) to a code: ${gives.join(', ')}.${notes.map((n) => ` ${n}`).join('')}`);
  }
  return `The code depends on the operating-system error printed at the end of the message (glibc's text, e.g. "No such file or directory"). ${parts.join(' ')}`;
}
