// An entry as plain text for terminals (`curl -s https://HOST/23505.txt`): every section in the
// page's order, prose wrapped at 80 columns, code blocks intact between marker lines, and links
// spelled out in full.
import { getClass, serverMessages, type CatalogCode } from './catalog.ts';
import { TIERS, type Entry } from './entry-schema.ts';
import { entryPath, fixId, SECTION_IDS } from './paths.ts';

export const WIDTH = 80;

/** Wraps one paragraph at `width`, indenting every line; a word longer than a line stays whole. */
export function wrap(text: string, width = WIDTH, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

/** Prose: paragraphs split on blank lines, each wrapped, a blank line between them. */
const prose = (text: string, indent = '') => text.split(/\n\s*\n/).map((p) => wrap(p, WIDTH, indent).join('\n')).join('\n\n');

/** A hanging item: "1. " then the text, later lines indented under the text. */
function item(marker: string, text: string): string {
  const [first, ...rest] = wrap(text, WIDTH - marker.length);
  return [marker + first, ...rest.map((l) => ' '.repeat(marker.length) + l)].join('\n');
}

const codeBlock = (lang: string, code: string) => `--- ${lang} ---\n${code.replace(/\s+$/, '')}\n--- end ---`;

const heading = (title: string, id: string, site: URL, code: string) =>
  `${title.toUpperCase()}\n${'='.repeat(title.length)}\n${new URL(`${entryPath(code)}#${id}`, site).href}`;

export function entryText(info: CatalogCode, entry: Entry, site: URL): string {
  const cls = getClass(info.classCode);
  const url = (id: string) => new URL(`${entryPath(info.code)}#${id}`, site).href;
  const out: string[] = [];
  const section = (title: string, id: string, body: string) => out.push(`${heading(title, id, site, info.code)}\n\n${body}`);
  out.push([
    wrap(`${info.code} ${info.name}: ${entry.title}`).join('\n'),
    wrap(entry.summary).join('\n'),
    wrap(`Class ${cls.code} (${cls.name}) · ${entry.severity.join(', ')} · ${TIERS[entry.tier].label} · ${entry.confidence.level.toUpperCase()} confidence`).join('\n'),
    new URL(entryPath(info.code), site).href,
  ].join('\n\n'));
  section('What this means', SECTION_IDS.meaning, `${prose(entry.meaning)}\n\n${item('Who raises it: ', entry.producedBy.when)}`);
  const messages = [
    ...entry.messages.map((m) => `${item(`${m.source}: `, m.text.replace(/\s*\n\s*/g, ' / '))}${m.note ? `\n${wrap(m.note, WIDTH, '    ').join('\n')}` : ''}`),
    ...serverMessages(info.code).slice(0, 12).map((m) => item('server format: ', m.text)),
  ];
  section('What you see', SECTION_IDS.messages, messages.join('\n') || 'No message of its own.');
  section('Why it happens', SECTION_IDS.causes, entry.causes.map((c, i) => item(`${i + 1}. `, c.detail ? `${c.title}. ${c.detail}` : c.title)).join('\n\n'));
  const r = entry.reproduction;
  const repro = [prose(r.description)];
  if (r.kind === 'manual') repro.push(item('Why it cannot run here: ', r.whyNotRunnable), r.steps.map((s, i) => item(`${i + 1}. `, s)).join('\n'));
  if ('setup' in r && r.setup) repro.push(codeBlock('sql setup', r.setup));
  if (r.kind === 'sql') repro.push(codeBlock('sql', r.sql));
  if (r.kind === 'sessions') repro.push(codeBlock('sql, step by step', r.steps.map((s) => ('sleepMs' in s ? `-- wait ${s.sleepMs} ms` : `-- session ${s.session}\n${s.sql}`)).join('\n')));
  if (r.kind === 'connect') repro.push(`Connect as ${r.connect.user}${r.connect.database ? ` to ${r.connect.database}` : ''}.`);
  if ('code' in r && r.code) repro.push(codeBlock(r.code.lang, r.code.code));
  repro.push(`Expected: SQLSTATE ${r.expect.sqlstate}.`);
  section('How to reproduce', SECTION_IDS.reproduction, repro.join('\n\n'));
  section('How to fix it', SECTION_IDS.fixes, entry.fixes.map((f, i) => [
    ...wrap(`Fix ${i + 1}: ${f.title}`),
    url(fixId(i + 1)),
    item('When: ', f.when),
    ...(f.code ? [codeBlock(f.code.lang, f.code.code)] : []),
    item('Why this works: ', f.why),
  ].join('\n')).join('\n\n'));
  section('What not to do', SECTION_IDS.notToDo, entry.notToDo.map((n) => `${item('- ', n.title)}\n${wrap(n.why, WIDTH, '  ').join('\n')}`).join('\n\n'));
  section('Retry safety', SECTION_IDS.retry, item(`${entry.retry.safety.toUpperCase()}: `, entry.retry.why));
  section('Version notes', SECTION_IDS.versionNotes, entry.versionNotes.map((v) => item(`${v.versions}: `, v.text)).join('\n') || 'None.');
  if (entry.dangerousVariant) section('Dangerous variant', SECTION_IDS.dangerousVariant, `${wrap(entry.dangerousVariant.title).join('\n')}\n\n${prose(entry.dangerousVariant.text)}`);
  section('Sources', SECTION_IDS.sources, entry.sources.map((s) => `${item('- ', s.title)}\n  ${s.url}`).join('\n'));
  section('Confidence assessment', SECTION_IDS.confidence, item(`${entry.confidence.level.toUpperCase()}: `, entry.confidence.rationale));
  section('See also', SECTION_IDS.related, entry.related.map((r) => `${item(`${r.code}  `, r.why)}\n       ${new URL(entryPath(r.code), site).href}`).join('\n'));
  return out.join('\n\n\n') + '\n';
}

/** A code without an authored entry: its catalog facts and server messages. */
export function pendingText(info: CatalogCode, site: URL): string {
  const cls = getClass(info.classCode);
  return [
    wrap(`${info.code} ${info.name}`).join('\n'),
    wrap(`Class ${cls.code} (${cls.name}) · ${info.type}`).join('\n'),
    new URL(entryPath(info.code), site).href,
    'The explanation of this code is not written yet.',
    ...serverMessages(info.code).map((m) => item('server format: ', m.text)),
  ].join('\n\n') + '\n';
}
