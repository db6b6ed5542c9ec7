// Turns our content (content/catalog/*.json and content/errors/*.yaml) into Starlight pages, so
// the peer builds the same pages as our site: one per code (authored or not), one per class, the
// all-codes table and a home page. Run by the bench into a temporary copy of this folder;
// by hand: node bench/peer-starlight/generate.ts <content dir> <out dir>
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { splitFrontMatter } from '../../src/lib/entry-files.ts';

interface Code { code: string; name: string; classCode: string; type: string; since: string; removedIn: string | null; macros: string[] }
interface Message { code: string; text: string; file: string }
type CodeBlock = { lang: string; code: string };
// Only the fields the pages show; the schema in src/lib/entry-schema.ts is the reference.
interface Entry {
  code: string; title: string; summary: string; severity: string[]; tier: number;
  confidence: { level: string; rationale: string }; producedBy: { when: string }; meaning: string;
  messages?: { text: string; source: string; note?: string }[];
  causes: { title: string; detail?: string }[];
  reproduction: Record<string, unknown> & { kind: string; description: string };
  fixes: { title: string; when: string; code?: CodeBlock; why: string }[];
  notToDo: { title: string; why: string }[];
  versionNotes?: { versions: string; text: string }[];
  dangerousVariant?: { title: string; text: string };
  retry: { safety: string; why: string };
  sources: { title: string; url: string }[];
  related?: { code: string; why: string }[];
}

// Markdown specials outside `code spans` are escaped: entries are plain text with backticks.
const md = (text: string) =>
  text.split(/(`[^`]*`)/).map((part, i) => (i % 2 ? part : part.replace(/[\\*_<>[\]{}|#]/g, '\\$&'))).join('');
const quote = (s: string) => JSON.stringify(s);
// The same fallbacks our CodeBlock uses for languages Shiki has no grammar for.
const LANG: Record<string, string> = { conf: 'ini', text: 'txt', plpgsql: 'sql' };
const fence = ({ lang, code }: CodeBlock) => `\`\`\`${LANG[lang] ?? lang}\n${code.trimEnd()}\n\`\`\``;
const link = (code: string, name?: string) => `[${code}${name ? ` ${name}` : ''}](/errors/${code}/)`;
const page = (front: Record<string, string>, body: string[]) =>
  `---\n${Object.entries(front).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\n${body.join('\n\n')}\n`;

function catalogFacts(c: Code, className: string): string {
  return [
    '| | |', '| --- | --- |',
    `| Class | [${c.classCode}](/classes/${c.classCode}/) ${md(className)} |`,
    `| Condition name | \`${c.name}\` |`, `| Type | ${c.type} |`,
    `| Since | ${md(c.since)} |`, `| Removed in | ${c.removedIn ?? '—'} |`,
    `| C macro | ${c.macros.map((m) => `\`${m}\``).join(', ')} |`,
  ].join('\n');
}

function reproduction(r: Entry['reproduction']): string[] {
  const out = [md(r.description)];
  if (typeof r.setup === 'string') out.push('Setup:', fence({ lang: 'sql', code: r.setup }));
  if (r.kind === 'sql') out.push(fence({ lang: 'sql', code: r.sql as string }));
  if (r.kind === 'sessions') {
    for (const step of r.steps as { session?: string; sql?: string; sleepMs?: number }[]) {
      out.push(step.sql ? `Session \`${step.session}\`:\n\n${fence({ lang: 'sql', code: step.sql })}` : `Wait ${step.sleepMs} ms.`);
    }
  }
  if (r.kind === 'connect') out.push(fence({ lang: 'json', code: JSON.stringify(r.connect, null, 2) }));
  if (r.kind === 'manual') {
    out.push(md(r.whyNotRunnable as string), (r.steps as string[]).map((s, i) => `${i + 1}. ${md(s)}`).join('\n'));
    if (r.code) out.push(fence(r.code as CodeBlock));
  }
  return out;
}

function entryPage(c: Code, className: string, e: Entry, messages: Message[]): string {
  return page({ title: quote(`${c.code} ${c.name}: ${e.title}`), description: quote(e.summary), slug: `errors/${c.code}` }, [
    md(e.summary),
    `Severity: ${e.severity.join(', ')} · Tier ${e.tier} · ${e.confidence.level} confidence`,
    '## What this means', md(e.meaning), `**Who raises it:** ${md(e.producedBy.when)}`,
    '## What you see',
    ...(e.messages ?? []).map((m) => `${fence({ lang: 'text', code: m.text })}\n\n${m.source}${m.note ? `: ${md(m.note)}` : ''}`),
    messages.map((m) => `- \`${m.text.replaceAll('`', "'")}\` (${m.file})`).join('\n'),
    '## Why it happens', e.causes.map((c, i) => `${i + 1}. **${md(c.title)}**${c.detail ? ` ${md(c.detail)}` : ''}`).join('\n'),
    '## How to reproduce', ...reproduction(e.reproduction),
    '## How to fix it',
    ...e.fixes.flatMap((f, i) => [`### Fix ${i + 1}: ${md(f.title)}`, `**When:** ${md(f.when)}`, ...(f.code ? [fence(f.code)] : []), md(f.why)]),
    '## What not to do', e.notToDo.map((n) => `- **${md(n.title)}** ${md(n.why)}`).join('\n'),
    '## Retry safety', `**${e.retry.safety}.** ${md(e.retry.why)}`,
    '## Version notes', (e.versionNotes ?? []).map((v) => `- **${md(v.versions)}:** ${md(v.text)}`).join('\n') || 'None.',
    '## Dangerous variant',
    e.dangerousVariant ? `:::danger[${md(e.dangerousVariant.title)}]\n${md(e.dangerousVariant.text)}\n:::` : 'None known for this code.',
    '## Sources', e.sources.map((s) => `- [${md(s.title)}](${s.url})`).join('\n'),
    '## Confidence assessment', `**${e.confidence.level.toUpperCase()} confidence.** ${md(e.confidence.rationale)}`,
    '## See also', (e.related ?? []).map((r) => `- ${link(r.code)}: ${md(r.why)}`).join('\n') || `- [Class ${c.classCode}](/classes/${c.classCode}/)`,
    '## Catalog facts', catalogFacts(c, className),
  ]);
}

function pendingPage(c: Code, className: string, messages: Message[], siblings: Code[]): string {
  return page({ title: quote(`${c.code} ${c.name}`), description: quote(`PostgreSQL SQLSTATE ${c.code} (${c.name}).`), slug: `errors/${c.code}` }, [
    ':::note\nThe explanation of this code is not written yet. Below is what PostgreSQL itself defines for it.\n:::',
    '## Catalog facts', catalogFacts(c, className),
    '## Messages that raise it', messages.map((m) => `- \`${m.text.replaceAll('`', "'")}\` (${m.file})`).join('\n') || 'None found in the sources.',
    `## Other codes in class ${c.classCode}`, siblings.filter((s) => s.code !== c.code).map((s) => `- ${link(s.code, s.name)}`).join('\n'),
  ]);
}

const table = (rows: Code[], entries: Map<string, Entry>, className: (cc: string) => string) =>
  ['| Code | Condition name | Class | Tier | Confidence |', '| --- | --- | --- | --- | --- |',
    ...rows.map((c) => {
      const e = entries.get(c.code);
      return `| ${link(c.code)} | [${md(c.name)}](/errors/${c.code}/)${e ? ` — ${md(e.title)}` : ''} | [${c.classCode}](/classes/${c.classCode}/) ${md(className(c.classCode))} | ${e?.tier ?? 'not written yet'} | ${e?.confidence.level ?? '—'} |`;
    })].join('\n');

/** Writes every page into outDir (src/content/docs of a peer copy); returns how many. */
export function generate(contentDir: string, outDir: string): number {
  const read = (file: string) => JSON.parse(readFileSync(join(contentDir, 'catalog', file), 'utf8'));
  const codes: Code[] = read('codes.json').codes;
  const classes: { code: string; name: string }[] = read('classes.json');
  const messages = Map.groupBy(read('messages.json').messages as Message[], (m) => m.code);
  const entries = new Map<string, Entry>();
  for (const file of readdirSync(join(contentDir, 'errors')).filter((f) => /\.(yaml|mdx)$/.test(f))) {
    const source = readFileSync(join(contentDir, 'errors', file), 'utf8');
    // An .mdx entry's fields are its front matter (its long-form body has no peer equivalent).
    const entry = yaml.load(file.endsWith('.mdx') ? splitFrontMatter(source)!.frontMatter : source) as Entry;
    entries.set(entry.code, entry);
  }
  const className = (cc: string) => classes.find((c) => c.code === cc)?.name ?? cc;
  const byClass = Map.groupBy(codes, (c) => c.classCode);

  rmSync(outDir, { recursive: true, force: true });
  for (const dir of ['errors', 'classes']) mkdirSync(join(outDir, dir), { recursive: true });
  const write = (path: string, text: string) => writeFileSync(join(outDir, path), text);
  write('index.md', page({ title: quote('PostgreSQL Error Reference'), description: quote('Every PostgreSQL SQLSTATE explained.'), template: 'splash' }, [
    'Type a SQLSTATE (`08006`), a condition name (`unique_violation`) or paste the error message into the search.',
    `## The ${classes.length} classes of ${codes.length} codes`,
    classes.map((c) => `- [${c.code} ${md(c.name)}](/classes/${c.code}/) (${byClass.get(c.code)?.length ?? 0})`).join('\n'),
    '[The table of all codes](/errors/)',
  ]));
  write('errors/index.md', page({ title: quote(`All ${codes.length} PostgreSQL error codes`), slug: 'errors' }, [
    `Every SQLSTATE that PostgreSQL defines. ${entries.size} have a full explanation so far.`, table(codes, entries, className),
  ]));
  for (const cls of classes) {
    write(`classes/${cls.code}.md`, page({ title: quote(`Class ${cls.code} — ${cls.name}`), slug: `classes/${cls.code}` }, [
      `Codes that start with \`${cls.code}\`.`, table(byClass.get(cls.code) ?? [], entries, className),
    ]));
  }
  for (const c of codes) {
    const entry = entries.get(c.code);
    const msgs = messages.get(c.code) ?? [];
    write(`errors/${c.code}.md`, entry
      ? entryPage(c, className(c.classCode), entry, msgs)
      : pendingPage(c, className(c.classCode), msgs, byClass.get(c.classCode) ?? []));
  }
  return 3 + classes.length + codes.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [contentDir = 'content', outDir = 'bench/peer-starlight/src/content/docs'] = process.argv.slice(2);
  console.log(`${generate(contentDir, outDir)} pages written to ${outDir}`);
}
