// Search, loaded on first use of the search box. Exact codes and condition names come from our
// own list, pasted messages (any major 14-19, any language the server ships) are matched against
// the message formats by messages/lookup.ts, and Pagefind supplies full-text results for the rest.
import { createMessageLookup } from '../lib/messages/lookup.ts';
import { majorsLabel, type MessageMatch } from '../lib/messages/match.ts';
import { codesWithPrefix, mergeResults, planQuery, type SearchCode } from '../lib/search-query.ts';
import resultsCss from './search-results.css?raw';

interface CodeInfo extends SearchCode {
  className: string;
}
interface Hit extends CodeInfo {
  /** The message format that matched a pasted message, and in what language. */
  matched?: MessageMatch & { lang: string };
}
interface Pagefind {
  search(query: string): Promise<{ results: { data(): Promise<{ meta: Record<string, string> }> }[] }>;
}

const MAX_RESULTS = 8;
const json = <T>(url: string): Promise<T> => fetch(url).then((r) => r.json() as Promise<T>);

let codes: Promise<CodeInfo[]> | undefined;
let pagefind: Promise<Pagefind> | undefined;
let summaries: Promise<Record<string, string>> | undefined;
const loadCodes = () =>
  (codes ??= json<{ classes: Record<string, string>; codes: [string, string, ...string[]][] }>('/api/search-codes.json').then(
    (data) => data.codes.map(([code, name, ...classes]) => ({ code, name, classes, className: data.classes[code.slice(0, 2)] })),
  ));
// Message formats are fetched only for a query that looks like a message, a few shards at a time.
const lookupMessage = createMessageLookup(json);
// Summaries come after the first results are on screen, so typing a code stays as fast as before.
const loadSummaries = () => (summaries ??= json<Record<string, string>>('/api/search-summaries.json'));
// A path held in a variable keeps the bundler from resolving Pagefind, which exists only after the build.
const PAGEFIND = '/pagefind/pagefind.js';
const loadPagefind = () => (pagefind ??= import(/* @vite-ignore */ PAGEFIND) as Promise<Pagefind>);

interface Answer {
  list: Hit[];
  jump: string | null;
  /** Enter may open the first result; not when the query was a code that does not exist. */
  enterOpensFirst: boolean;
  note: string | null;
}

// Long enough, with spaces, to be a pasted message rather than a code or name being typed.
const mayBeMessage = (query: string) => query.trim().length >= 12 && /\s/.test(query.trim());

async function search(query: string): Promise<Answer> {
  if (mayBeMessage(query)) lookupMessage.prefetch(); // in parallel with the code list
  const all = await loadCodes();
  const plan = planQuery(query, all);
  const found = plan.message ? await lookupMessage(query) : null;
  const fromMessage = found?.matches ?? [];
  const fromPrefix = plan.codePrefix ? codesWithPrefix(plan.codePrefix, all) : [];
  let fromPagefind: string[] = [];
  // A matched message is answered from its formats: Pagefind's word matches would only add noise and bytes.
  if (plan.pagefind && plan.exact.length === 0 && fromPrefix.length === 0 && fromMessage.length === 0) {
    const found = await (await loadPagefind()).search(plan.pagefind);
    const data = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    fromPagefind = data.map((d) => d.meta.code).filter(Boolean);
  }
  const byCode = new Map(all.map((c) => [c.code, c]));
  const matched = new Map(fromMessage.flatMap((m) => m.codes.map((code) => [code, { ...m, lang: found!.lang }] as const)));
  const list = mergeResults(plan.exact, fromPrefix, fromMessage.flatMap((m) => m.codes), fromPagefind)
    .flatMap((code): Hit[] => {
      const info = byCode.get(code);
      return info ? [{ ...info, matched: matched.get(code) }] : [];
    })
    .slice(0, MAX_RESULTS);
  const note = plan.unknownCode
    ? `${plan.unknownCode} is not a PostgreSQL SQLSTATE.${list.length ? ` Codes of class ${plan.unknownCode.slice(0, 2)}:` : ''}`
    : list.length ? null : 'No matching error. Try the code, a condition name, or fewer words.';
  return { list, jump: plan.jump, enterOpensFirst: !plan.unknownCode, note };
}

const line = (className: string, text: string) => Object.assign(document.createElement('span'), { className, textContent: text });

function render(box: HTMLUListElement, { list, note }: Pick<Answer, 'list' | 'note'>) {
  box.replaceChildren(
    ...(note ? [Object.assign(document.createElement('li'), { className: 'r-note', textContent: note })] : []),
    ...list.map((c) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `/errors/${c.code}/`;
      const code = Object.assign(document.createElement('span'), { className: 'r-code', textContent: c.code });
      const cls = Object.assign(document.createElement('span'), { className: 'r-class', textContent: `Class ${c.code.slice(0, 2)}: ${c.className}` });
      a.dataset.code = c.code;
      a.append(code, c.name, cls);
      if (c.matched) a.append(...matchedLines(c.code, c.matched));
      li.append(a);
      return li;
    }),
  );
}

const LANGUAGE = new Intl.DisplayNames(['en'], { type: 'language' });
const SUPPORTED = ['14', '15', '16', '17', '18'];

/** What a matched message result says: the format, its language and majors, the OS error's code. */
function matchedLines(code: string, m: MessageMatch & { lang: string }) {
  const lines = [];
  const majors = m.majors.split(',');
  const where = [m.lang !== 'en' && LANGUAGE.of(m.lang.replace('_', '-')), m.majors && !SUPPORTED.every((v) => majors.includes(v)) && `wording of ${majorsLabel(m.majors)}`]
    .filter(Boolean).join(', ');
  lines.push(line('r-matched', `Matches${where ? ` (${where})` : ''}: ${m.text}`));
  if (m.english) lines.push(line('r-matched', `English: ${m.english}`));
  if (m.os) lines.push(line('r-matched', `${m.os.text} (${m.os.errno}) gives ${m.os.code}`));
  else if (m.codes.length > 1 && m.codes[0] === code) {
    const why = m.how.endsWith('-errno') ? 'the operating-system error at its end' : 'where it is raised';
    lines.push(line('r-matched', `The code depends on ${why}: ${m.codes.join(', ')}`));
  }
  return lines;
}

/** Adds each result's summary in place, so a result the reader has focused keeps its focus. */
function addSummaries(box: HTMLUListElement, summary: Record<string, string>) {
  for (const a of box.querySelectorAll<HTMLAnchorElement>('a[data-code]')) {
    const text = summary[a.dataset.code!];
    if (text && !a.querySelector('.r-summary')) a.querySelector('.r-class')!.after(line('r-summary', text));
  }
}

function attach(input: HTMLInputElement) {
  const form = input.form!;
  const box = form.querySelector<HTMLUListElement>('.search-results')!;
  let latest = 0;
  let answer: Answer | null = null;
  const run = async () => {
    const ticket = ++latest;
    const query = input.value;
    const result = query.trim() ? await search(query) : null;
    if (ticket !== latest) return; // a newer keystroke already answered
    answer = result;
    render(box, result ?? { list: [], note: null });
    if (!result?.list.length) return;
    const summary = await loadSummaries().catch(() => ({}));
    if (ticket === latest) addSummaries(box, summary);
  };
  input.addEventListener('input', run);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await run();
    const first = answer?.enterOpensFirst ? answer.list[0] : undefined;
    const target = answer?.jump ? `/errors/${answer.jump}/` : first && `/errors/${first.code}/`;
    if (target) location.assign(target);
  });
  // Arrow keys move between the input and the results.
  form.addEventListener('keydown', (event) => {
    const links = [...box.querySelectorAll('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' && links.length) (links[at + 1] ?? links[0]).focus();
    else if (event.key === 'ArrowUp' && at >= 0) (at === 0 ? input : links[at - 1]).focus();
    else if (event.key === 'Escape') box.replaceChildren();
    else return;
    event.preventDefault();
  });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial && !input.value) input.value = initial;
  if (input.value) {
    void run().then(() => {
      // An address-bar search for one existing code or condition name goes straight to its page.
      if (initial && input.value === initial && answer?.jump) location.replace(`/errors/${answer.jump}/`);
    });
  }
}

// Loaded by site.ts on first use of the search box; it brings the results' styles and attaches
// itself to that box.
document.head.append(Object.assign(document.createElement('style'), { textContent: resultsCss }));
const box = document.querySelector<HTMLInputElement>('[data-search] input');
if (box) attach(box);
