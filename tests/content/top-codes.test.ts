// The codes people hit most (the list of issue "Author the 80 codes people hit most") must each be
// authored with every required section filled in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadEntries } from '../../src/lib/entry-files.ts';

export const TOP_CODES = `
  08000 08001 08003 08004 08006 08P01 28000 28P01 3D000 3F000
  53100 53200 53300 53400 54000 54001 55000 55006 55P03 57014 57P01 57P02 57P03 57P04 57P05 58030 72000
  XX000 XX001 XX002
  22001 22003 22007 22008 22012 22021 22023 22P02 22P05
  23502 23503 23505 23514 23P01 2BP01
  25001 25006 25P01 25P02 25P03 25P04 40001 40P01 0B000 2D000
  0A000 26000 34000 42501 42601 42702 42703 42704 42P01 42P05 42P07 42710 42701 42803 42804 42846 42883 42P10
  39004 P0001 P0002 P0003`.split(/\s+/).filter(Boolean);

const filled = (s: string | undefined) => typeof s === 'string' && s.trim().length > 0;

test('the most-hit codes are all authored, with every required section non-empty', () => {
  if (process.env.ENTRY_DIR) return; // a fixture folder is not the real content
  const entries = new Map(loadEntries().entries.map((e) => [e.code, e]));
  const gaps: string[] = [];
  for (const code of TOP_CODES) {
    const e = entries.get(code);
    if (!e) {
      gaps.push(`${code}: not authored`);
      continue;
    }
    const need = (ok: boolean, what: string) => ok || gaps.push(`${code}: ${what}`);
    need([e.title, e.summary, e.meaning, e.producedBy.when, e.confidence.rationale, e.retry.why].every(filled), 'a prose field is empty');
    need(e.messages.length > 0, 'no messages a user sees');
    need(e.causes.length > 0, 'no causes');
    need(filled(e.reproduction.description), 'no reproduction');
    need(e.fixes.length >= 2, 'fewer than two fixes');
    need(e.fixes.every((f) => filled(f.when) && filled(f.why)), 'a fix without when/why');
    need(e.notToDo.length > 0, 'nothing under what not to do');
    need(e.sources.some((s) => s.url.startsWith('https://www.postgresql.org/docs/')), 'no PostgreSQL docs source');
    need(e.related.length > 0, 'no related codes');
  }
  assert.equal(TOP_CODES.length, new Set(TOP_CODES).size);
  assert.deepEqual(gaps, []);
});

test('every code in the catalog is authored, every section non-empty, with at least one source', async () => {
  if (process.env.ENTRY_DIR) return;
  const { codes } = await import('../../src/lib/catalog.ts');
  const entries = new Map(loadEntries().entries.map((e) => [e.code, e]));
  const gaps: string[] = [];
  for (const { code } of codes) {
    const e = entries.get(code);
    if (!e) {
      gaps.push(`${code}: not authored`);
      continue;
    }
    const need = (ok: boolean, what: string) => ok || gaps.push(`${code}: ${what}`);
    need([e.title, e.summary, e.meaning, e.producedBy.when, e.confidence.rationale, e.retry.why, e.reproduction.description].every(filled), 'a prose field is empty');
    need(e.causes.length > 0 && e.fixes.length > 0 && e.notToDo.length > 0 && e.related.length > 0, 'an empty section');
    need(e.sources.length > 0, 'no source');
  }
  assert.deepEqual(gaps, []);
  assert.equal(entries.size, codes.length);
});
