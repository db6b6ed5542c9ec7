// /errors/<CODE>.txt and /<CODE>.txt: every code as plain text for terminals, prose within 80
// columns, code blocks intact between markers, links in full.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { codes } from '../../src/lib/catalog.ts';
import { loadEntries } from '../../src/lib/entry-files.ts';
import { page, requireDist } from '../support/dist.ts';

before(requireDist);

/** Lines outside `--- lang ---` ... `--- end ---` blocks that are not a bare URL. */
function proseLines(text: string): string[] {
  let inCode = false;
  return text.split('\n').filter((line) => {
    if (/^--- .+ ---$/.test(line)) inCode = line !== '--- end ---';
    return !inCode && !/^\s*https?:\/\/\S+$/.test(line) && !/^--- .+ ---$/.test(line);
  });
}

test('every code has a plain-text page at /errors/<CODE>.txt and /<CODE>.txt, wrapped at 80 columns', () => {
  for (const c of codes) {
    const text = page(`/errors/${c.code}.txt`);
    assert.equal(page(`/${c.code}.txt`), text, `/${c.code}.txt is the same text`);
    assert.ok(text.startsWith(`${c.code} ${c.name}`), c.code);
    // A single word longer than the width (a long path) stands alone on its line: it cannot wrap.
    const long = proseLines(text).filter((l) => l.length > 80 && /\s\S/.test(l.trim()));
    assert.deepEqual(long, [], `${c.code}.txt has prose lines over 80 columns`);
  }
});

test("an entry's text has every section, its code blocks intact and its links spelled out", () => {
  const entry = loadEntries().entries.find((e) => e.code === '23505')!;
  const text = page('/errors/23505.txt');
  for (const heading of ['WHAT THIS MEANS', 'WHY IT HAPPENS', 'HOW TO REPRODUCE', 'HOW TO FIX IT', 'WHAT NOT TO DO', 'RETRY SAFETY', 'SOURCES', 'CONFIDENCE ASSESSMENT', 'SEE ALSO']) {
    assert.ok(text.includes(`\n${heading}\n`), heading);
  }
  const block = entry.fixes.find((f) => f.code)!.code!;
  assert.ok(text.includes(`--- ${block.lang} ---\n${block.code.trimEnd()}\n--- end ---`), 'a fix code block, intact');
  for (const s of entry.sources) assert.ok(text.includes(s.url), s.url);
  assert.match(text, /https?:\/\/\S+\/errors\/23505\/#fix-1/);
});
