// What the imported message data gets wrong for the minor releases people run. The data is read
// from each major's branch point (its README says so); later minor releases back-patch messages
// and mappings. content/catalog-corrections.yaml records each difference with its evidence;
// scripts/import-messages.ts applies it, and the pages show the note.
import { z } from 'zod';

const major = z.number().int().min(14).max(19);
const sqlstate = z.string().regex(/^[0-9A-Z]{5}$/, 'a five-character SQLSTATE');

export const correctionsSchema = z.strictObject({
  messages: z.array(z.strictObject({
    /** The format as the data has it (server-messages.json `text`). */
    text: z.string().min(1),
    sqlstate,
    /** Majors whose current minor releases send this text with this code. */
    addMajors: z.array(major).min(1),
    /** What the data gives those majors instead, which they no longer send: an older code, an older wording, or both. */
    was: z.strictObject({ text: z.string().min(1).optional(), sqlstate: sqlstate.optional() }).optional(),
    /** Shown on the messages page, after the majors. */
    note: z.string().min(1),
    evidence: z.string().min(1),
    /** SQL that makes a server send the text: npm run verify runs it on every major and fails unless addMajors get sqlstate. */
    check: z.string().min(1).optional(),
  })).default([]),
  errno: z.array(z.strictObject({
    family: z.enum(['file', 'socket', 'dsm']),
    errno: z.string().regex(/^E[A-Z0-9]+$/),
    code: sqlstate,
    addMajors: z.array(major).min(1),
    note: z.string().min(1),
    evidence: z.string().min(1),
  })).default([]),
  /** Messages that real servers sent in a case but that are the case's own text, not the server's. */
  ignoreObserved: z.array(z.strictObject({ case: z.string().min(1), why: z.string().min(1) })).default([]),
});
export type Corrections = z.infer<typeof correctionsSchema>;

interface Row {
  text: string;
  sqlstate: string;
  majors: string;
  note?: string;
}
interface ErrnoRow {
  errno: string;
  codes: Record<string, string | null>;
  note?: string;
}

const joinMajors = (majors: Iterable<number>) => [...new Set(majors)].sort((a, b) => a - b).join(',');
const split = (majors: string) => (majors ? majors.split(',').map(Number) : []);

/**
 * Applies the corrections to the server rows and errno tables, returning new ones. A correction
 * that matches nothing throws, naming it: a re-import must not drop one silently.
 */
export function applyCorrections<R extends Row, E extends ErrnoRow>(
  rows: R[],
  errno: Record<'file' | 'socket' | 'dsm', E[]>,
  corrections: Corrections,
): { rows: R[]; errno: Record<'file' | 'socket' | 'dsm', E[]> } {
  let out = rows.map((r) => ({ ...r }));
  for (const c of corrections.messages) {
    const target = out.filter((r) => r.text === c.text && r.sqlstate.split(',').includes(c.sqlstate));
    if (!target.length) throw new Error(`catalog correction: no server message "${c.text}" with ${c.sqlstate} in the data`);
    // The row with the most majors is the text's main one; the added majors go there.
    const main = target.sort((a, b) => split(b.majors).length - split(a.majors).length)[0];
    main.majors = joinMajors([...split(main.majors), ...c.addMajors]);
    main.note = c.note;
    if (c.was) {
      const text = c.was.text ?? c.text, code = c.was.sqlstate ?? c.sqlstate;
      const old = out.filter((r) => r.text === text && r.sqlstate === code);
      if (!old.length) throw new Error(`catalog correction: no server message "${text}" with ${code} to take ${c.addMajors.join(', ')} from`);
      for (const r of old) r.majors = joinMajors(split(r.majors).filter((m) => !c.addMajors.includes(m)));
      out = out.filter((r) => r.majors !== '');
    }
  }
  const tables = { file: errno.file.map((r) => ({ ...r, codes: { ...r.codes } })), socket: errno.socket.map((r) => ({ ...r, codes: { ...r.codes } })), dsm: errno.dsm.map((r) => ({ ...r, codes: { ...r.codes } })) };
  for (const c of corrections.errno) {
    const row = tables[c.family].find((r) => r.errno === c.errno);
    if (!row) throw new Error(`catalog correction: no ${c.errno} in the ${c.family} errno table`);
    for (const m of c.addMajors) row.codes[String(m)] = c.code;
    row.note = c.note;
  }
  return { rows: out, errno: tables };
}
