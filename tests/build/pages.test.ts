// The built site has a page for every code and class, and every alias leads where it should.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { buildAliases } from '../../src/lib/aliases.ts';
import { classes, codes } from '../../src/lib/catalog.ts';
import { loadEntries } from '../../src/lib/entry-files.ts';
import { SECTION_IDS, entryPath } from '../../src/lib/paths.ts';
import { ids, page, refreshTarget, requireDist } from '../support/dist.ts';

before(requireDist);

test('every code has a canonical page that names it', () => {
  for (const c of codes) {
    const html = page(entryPath(c.code));
    assert.ok(html.includes(`<link rel="canonical" href="https://`) && html.includes(`/errors/${c.code}/"`), c.code);
    assert.ok(html.includes(c.name), `${c.code} page names ${c.name}`);
  }
});

test('every class has a page listing its codes', () => {
  for (const cls of classes) {
    const html = page(`/classes/${cls.code}/`);
    for (const c of codes.filter((x) => x.classCode === cls.code)) assert.ok(html.includes(`/errors/${c.code}/`), `${cls.code} lists ${c.code}`);
  }
});

test('authored pages have every section and numbered fixes; others say they are not written', () => {
  const { entries } = loadEntries();
  const authored = new Set(entries.map((e) => e.code));
  for (const e of entries) {
    const found = ids(page(entryPath(e.code)));
    for (const key of ['meaning', 'messages', 'causes', 'reproduction', 'fixes', 'notToDo', 'retry', 'versionNotes', 'dangerousVariant', 'sources', 'confidence', 'related'] as const) {
      assert.ok(found.has(SECTION_IDS[key]), `${e.code} has #${SECTION_IDS[key]}`);
    }
    e.fixes.forEach((_, i) => assert.ok(found.has(`fix-${i + 1}`), `${e.code} has #fix-${i + 1}`));
  }
  for (const c of codes.filter((x) => !authored.has(x.code))) {
    assert.match(page(entryPath(c.code)), /not written yet/, c.code);
  }
});

test('code blocks are highlighted for light and dark themes', () => {
  const html = page('/errors/08006/');
  assert.match(html, /class="astro-code[^"]*"/);
  assert.match(html, /--shiki-dark:/);
});

test('every alias redirects to its code, or offers both codes of a shared name', () => {
  for (const alias of buildAliases(codes)) {
    const html = page(alias.path);
    if (alias.codes.length === 1) {
      assert.equal(refreshTarget(html), entryPath(alias.codes[0]), alias.path);
    } else {
      assert.equal(refreshTarget(html), undefined, alias.path);
      for (const code of alias.codes) assert.ok(html.includes(`href="${entryPath(code)}"`), `${alias.path} offers ${code}`);
    }
  }
});

test('the home page focuses its search box and shows the classes', () => {
  const html = page('/');
  assert.match(html, /<input[^>]*id="search-input"[^>]*autofocus/);
  for (const cls of classes) assert.ok(html.includes(`href="/classes/${cls.code}/"`), cls.code);
});

test('the 404 page offers search', () => {
  assert.match(page('/404.html'), /role="search"/);
});

test('an .mdx entry renders its body as the "In depth" section, with its components, after the causes', () => {
  const html = page(entryPath('40P01'));
  const found = [...ids(html)];
  assert.ok(found.indexOf(SECTION_IDS.inDepth) > found.indexOf(SECTION_IDS.causes), 'In depth comes after Why it happens');
  assert.ok(found.indexOf(SECTION_IDS.inDepth) < found.indexOf(SECTION_IDS.reproduction), 'and before How to reproduce');
  const section = html.slice(html.indexOf(`id="${SECTION_IDS.inDepth}"`), html.indexOf(`id="${SECTION_IDS.reproduction}"`));
  assert.match(section, /<table class="timeline">/, 'the Timeline component rendered as a table');
  assert.match(section, /<div class="callout note" role="note">/, 'the Callout component rendered');
  assert.doesNotMatch(section, /<Timeline|<Callout/, 'no component left unrendered');
  assert.ok(!ids(page(entryPath('23505'))).has(SECTION_IDS.inDepth), 'a .yaml entry has no In depth section');
});
