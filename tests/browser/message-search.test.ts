// Pasted messages of every kind in real Chromium: each lands on its code first, and the result
// shows the format it matched (and, for a translation, the English text).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserSuite } from '../support/browser-suite.ts';

const env = browserSuite();

interface Paste {
  what: string;
  paste: string;
  code: string;
  /** What the first result's "Matches" lines must say. */
  shows: RegExp;
}
const PASTES: Paste[] = [
  { what: 'an elog() internal error', paste: 'ERROR:  variable not found in subplan target list', code: 'XX000', shows: /Matches: variable not found in subplan target list/ },
  { what: 'an errno-mapped message (ENOENT)', paste: 'ERROR:  could not open file "base/16384/2619": No such file or directory', code: '58P01', shows: /No such file or directory \(ENOENT\) gives 58P01/ },
  { what: 'an errno-mapped message (ENOSPC)', paste: 'PANIC:  could not write to file "pg_wal/xlogtemp.123": No space left on device', code: '53100', shows: /ENOSPC\) gives 53100/ },
  { what: 'an older wording (14-15)', paste: 'FATAL:  remaining connection slots are reserved for non-replication superuser connections', code: '53300', shows: /wording of 14–15/ },
  { what: 'a libpq text', paste: 'SSL SYSCALL error: EOF detected', code: '08006', shows: /Matches.*SSL SYSCALL error: EOF detected/ },
  { what: 'German', paste: 'FEHLER:  Relation »kunden« existiert nicht', code: '42P01', shows: /German.*Relation »%s« existiert nicht[\s\S]*English: relation "%s" does not exist/ },
  { what: 'French', paste: 'ERREUR:  la valeur d\'une clé dupliquée rompt la contrainte unique « users_email_key »', code: '23505', shows: /French[\s\S]*English: duplicate key value violates unique constraint/ },
  { what: 'Spanish', paste: 'ERROR:  no existe la relación «kunden»', code: '42P01', shows: /Spanish[\s\S]*English: relation "%s" does not exist/ },
  { what: 'Russian (Cyrillic)', paste: 'ОШИБКА:  деление на ноль', code: '22012', shows: /Russian[\s\S]*English: division by zero/ },
  { what: 'Japanese', paste: 'ERROR:  リレーション"kunden"は存在しません', code: '42P01', shows: /Japanese[\s\S]*English: relation "%s" does not exist/ },
  { what: 'Chinese (simplified)', paste: '错误:  关系 "kunden" 不存在', code: '42P01', shows: /Chinese[\s\S]*English: relation "%s" does not exist/ },
  { what: 'Korean', paste: '오류:  "kunden" 이름의 릴레이션(relation)이 없습니다', code: '42P01', shows: /Korean[\s\S]*English: relation "%s" does not exist/ },
];

for (const p of PASTES) {
  test(`${p.what}: "${p.paste}" finds ${p.code} first and shows what it matched`, async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.origin}/`);
    await page.locator('#search-input').fill(p.paste);
    const first = page.locator('#search-results a').first();
    await first.locator('.r-matched').first().waitFor();
    assert.equal(await first.getAttribute('href'), `/errors/${p.code}/`);
    const matched = (await first.locator('.r-matched').allInnerTexts()).join('\n');
    assert.match(matched, p.shows);
    await page.close();
  });
}

test('message data is fetched only for a paste, and only the language pasted', async () => {
  const page = await env.browser.newPage();
  const urls: string[] = [];
  page.on('request', (r) => urls.push(new URL(r.url()).pathname));
  await page.goto(`${env.origin}/`);
  await page.locator('#search-input').fill('23505');
  await page.locator('#search-results a').first().waitFor();
  assert.deepEqual(urls.filter((u) => u.startsWith('/search/messages/')), [], 'a code needs no message data');
  await page.locator('#search-input').fill('FEHLER:  Relation »kunden« existiert nicht');
  await page.locator('#search-results .r-matched').first().waitFor();
  const shards = urls.filter((u) => u.startsWith('/search/messages/') && !u.endsWith('/index.json'));
  assert.ok(shards.length > 0 && shards.every((u) => /\/de-\d+\.json$/.test(u)), `German shards only: ${shards}`);
  await page.close();
});
