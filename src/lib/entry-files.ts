// Reads authored entry files: one per code, named by the code: content/errors/08006.yaml, or
// 40P01.mdx, whose YAML front matter is the entry and whose MDX body is its long-form section.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { hasCode } from './catalog.ts';
import { checkEntry, type EntryProblem } from './check-entry.ts';
import type { Entry } from './entry-schema.ts';

// ENTRY_DIR points the whole pipeline (check, build, tests) at another folder of entries.
export const ENTRY_DIR = process.env.ENTRY_DIR || 'content/errors';
const FILE_RE = /^([0-9A-Z]{5})\.(yaml|mdx)$/;

/** An MDX entry: the YAML between the opening and closing `---` lines, and the body after them. */
export function splitFrontMatter(source: string): { frontMatter: string; body: string } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  return match ? { frontMatter: match[1], body: match[2] } : undefined;
}

export function loadEntries(dir = ENTRY_DIR): { entries: Entry[]; problems: EntryProblem[] } {
  const entries: Entry[] = [];
  const problems: EntryProblem[] = [];
  const names = readdirSync(dir).sort();
  for (const name of names) {
    const file = join(dir, name);
    const match = FILE_RE.exec(name);
    if (!match) {
      problems.push({ file, field: '(file name)', message: 'entries are named <CODE>.yaml or <CODE>.mdx, e.g. 08006.yaml' });
      continue;
    }
    const [, code, ext] = match;
    if (ext === 'mdx' && names.includes(`${code}.yaml`)) {
      problems.push({ file, field: '(file name)', message: `${code} has both ${code}.yaml and ${code}.mdx: keep one` });
      continue;
    }
    let source = readFileSync(file, 'utf8');
    if (ext === 'mdx') {
      const parts = splitFrontMatter(source);
      if (!parts) {
        problems.push({ file, field: '(front matter)', message: 'an .mdx entry starts with YAML front matter between two --- lines' });
        continue;
      }
      if (!parts.body.trim()) {
        problems.push({ file, field: '(body)', message: 'the MDX body (the "In depth" section) is empty: use a .yaml entry instead' });
        continue;
      }
      source = parts.frontMatter;
    }
    let data: unknown;
    try {
      data = yaml.load(source, { filename: file });
    } catch (error) {
      problems.push({ file, field: '(YAML)', message: (error as Error).message });
      continue;
    }
    const result = checkEntry(file, code, data, hasCode);
    problems.push(...result.problems);
    if (result.entry) entries.push(result.entry);
  }
  return { entries, problems };
}
