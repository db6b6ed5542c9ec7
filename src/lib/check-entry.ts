// Checks that need more than the entry's own shape: its file name, and that every code it
// names exists in the catalog. Returns readable problems; callers decide how to fail.
import { entrySchema, type Entry } from './entry-schema.ts';
import type { z } from 'zod';

export interface EntryProblem {
  file: string;
  field: string;
  message: string;
}

const pathOf = (path: PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(entry)';

function describeIssues(file: string, error: z.ZodError): EntryProblem[] {
  return error.issues.map((i) => ({ file, field: pathOf(i.path), message: i.message }));
}

/** Validates one parsed entry file. `fileCode` is the code its file name gives. */
export function checkEntry(
  file: string,
  fileCode: string,
  data: unknown,
  knownCode: (code: string) => boolean,
): { entry?: Entry; problems: EntryProblem[] } {
  const parsed = entrySchema.safeParse(data);
  if (!parsed.success) return { problems: describeIssues(file, parsed.error) };
  const entry = parsed.data;
  const problems: EntryProblem[] = [];
  const add = (field: string, message: string) => problems.push({ file, field, message });
  if (entry.code !== fileCode) add('code', `is "${entry.code}" but the file is named for ${fileCode}`);
  if (!knownCode(entry.code)) add('code', `"${entry.code}" is not a SQLSTATE in the catalog`);
  entry.related.forEach((r, i) => {
    if (!knownCode(r.code)) add(`related[${i}].code`, `links ${entry.code} -> ${r.code}, which is not in the catalog`);
    if (r.code === entry.code) add(`related[${i}].code`, 'an entry cannot be related to itself');
  });
  const expected = entry.reproduction.expect.sqlstate;
  if (!knownCode(expected)) add('reproduction.expect.sqlstate', `"${expected}" is not in the catalog`);
  return { entry: problems.length ? undefined : entry, problems };
}

export const formatProblem = (p: EntryProblem) => `${p.file}: ${p.field}: ${p.message}`;
