// Which language a pasted message is in, from its severity label, its script and its words. The
// profiles are built from PostgreSQL's own catalogs (see search-index.ts), so every language the
// data carries is recognised the same way.
import { wordsOf } from './format.ts';

export interface LanguageProfile {
  lang: string;
  /** Severity and field labels ("FEHLER", "DETAIL", "TIPP"), without colon or spaces. */
  labels: string[];
  /** Words frequent in this language's messages and rare in the others'. */
  words: string[];
}

// Scripts that point to a few languages only.
const SCRIPTS: [RegExp, string[]][] = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, ['ja']],
  [/\p{Script=Hangul}/u, ['ko']],
  [/\p{Script=Georgian}/u, ['ka']],
  [/\p{Script=Greek}/u, ['el']],
  [/\p{Script=Hebrew}/u, ['he']],
  [/\p{Script=Han}/u, ['zh_CN', 'zh_TW', 'ja']],
  [/\p{Script=Cyrillic}/u, ['ru', 'uk']],
];

const words = (text: string) => new Set(wordsOf(text));

/**
 * Languages to try, most likely first; `en` is among them unless the text is in a script English
 * never uses. A label of the language counts most, then the script, then distinctive words.
 */
export function rankLanguages(text: string, labelsFound: string[], profiles: LanguageProfile[]): string[] {
  const score = new Map<string, number>();
  const add = (lang: string, n: number) => score.set(lang, (score.get(lang) ?? 0) + n);
  const english = new Set(profiles.find((p) => p.lang === 'en')?.labels ?? []);
  for (const p of profiles) {
    if (p.lang === 'en') continue;
    for (const label of labelsFound) if (p.labels.includes(label) && !english.has(label)) add(p.lang, 10);
  }
  let foreignScript = false;
  for (const [re, langs] of SCRIPTS) {
    if (!re.test(text)) continue;
    foreignScript = true;
    langs.forEach((lang, i) => add(lang, 6 - i));
    if (langs.includes('uk') && /[іїєґ]/iu.test(text)) add('uk', 3);
  }
  const seen = words(text);
  for (const p of profiles) {
    if (p.lang === 'en') continue;
    for (const w of p.words) if (seen.has(w)) add(p.lang, 1);
  }
  const known = new Set(profiles.map((p) => p.lang));
  const ranked = [...score].filter(([lang, n]) => known.has(lang) && n >= 1).sort((a, b) => b[1] - a[1]).map(([lang]) => lang);
  // English comes last, not never: an English message may quote a name in another script.
  if (foreignScript) return [...ranked, 'en'];
  // Latin script: English unless a label or at least two distinctive words say otherwise.
  const best = ranked[0] ? score.get(ranked[0])! : 0;
  return best >= 10 || best >= 3 ? [...ranked, 'en'] : ['en', ...ranked];
}
