// Reads authored entry files: one YAML file per code, named by the code (content/errors/08006.yaml).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { hasCode } from './catalog.ts';
import { checkEntry, type EntryProblem } from './check-entry.ts';
import type { Entry } from './entry-schema.ts';

// ENTRY_DIR points the whole pipeline (check, build, tests) at another folder of entries.
export const ENTRY_DIR = process.env.ENTRY_DIR || 'content/errors';
const FILE_RE = /^([0-9A-Z]{5})\.yaml$/;

export function loadEntries(dir = ENTRY_DIR): { entries: Entry[]; problems: EntryProblem[] } {
  const entries: Entry[] = [];
  const problems: EntryProblem[] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name);
    const match = FILE_RE.exec(name);
    if (!match) {
      problems.push({ file, field: '(file name)', message: 'entries are named <CODE>.yaml, e.g. 08006.yaml' });
      continue;
    }
    let data: unknown;
    try {
      data = yaml.load(readFileSync(file, 'utf8'), { filename: file });
    } catch (error) {
      problems.push({ file, field: '(YAML)', message: (error as Error).message });
      continue;
    }
    const result = checkEntry(file, match[1], data, hasCode);
    problems.push(...result.problems);
    if (result.entry) entries.push(result.entry);
  }
  return { entries, problems };
}
