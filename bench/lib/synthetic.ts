// Synthetic content, to see how builds grow: the real catalog plus made-up codes up to `total`,
// each with an authored entry cloned from a real one. Written only into a temporary copy.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

// Ten codes per made-up class: class pages keep a realistic size (the real average is six)
// instead of growing with the total.
const PER_CLASS = 10;
const CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

interface Entry {
  code: string;
  title: string;
  related?: { code: string; why: string }[];
  reproduction: { expect: { sqlstate: string } };
}

/** Rewrites content/ in `dir` so the catalog has `total` codes. Returns the authored entry count. */
export function writeSynthetic(dir: string, total: number): number {
  const path = (...p: string[]) => join(dir, 'content', ...p);
  const readJson = (file: string) => JSON.parse(readFileSync(path('catalog', file), 'utf8'));
  const codesJson = readJson('codes.json');
  const classes: { code: string; name: string }[] = readJson('classes.json');
  const messagesJson = readJson('messages.json');
  const files = readdirSync(path('errors')).filter((f) => f.endsWith('.yaml')).sort();
  const models = files.map((f) => yaml.load(readFileSync(path('errors', f), 'utf8')) as Entry);

  // Made-up classes use two-character codes the catalog does not have; codes end in digits, so
  // no lower-case alias (/<code>/) can collide with a page such as /about/.
  const taken = new Set(classes.map((c) => c.code));
  const freeClasses = [...CHARS].flatMap((a) => [...CHARS].map((b) => a + b)).filter((c) => !taken.has(c));
  const messagesOf = Map.groupBy(messagesJson.messages as { code: string }[], (m) => m.code);
  const extra = Math.max(0, total - codesJson.codes.length);
  const made: string[] = [];
  for (let i = 0; i < extra; i++) {
    const cls = freeClasses[Math.floor(i / PER_CLASS)];
    if (i % PER_CLASS === 0) classes.push({ code: cls, name: `Synthetic Class ${cls}` });
    made.push(`${cls}${String(i % PER_CLASS).padStart(3, '0')}`);
  }

  made.forEach((code, i) => {
    const model = models[i % models.length];
    codesJson.codes.push({
      code, name: `synthetic_${code.toLowerCase()}`, classCode: code.slice(0, 2), type: 'error',
      macros: [`ERRCODE_SYNTHETIC_${code}`], since: '<=13', removedIn: null, inReleases: codesJson.releases,
    });
    for (const m of messagesOf.get(model.code) ?? []) messagesJson.messages.push({ ...m, code });
    // The same entry under a new code; related links point at neighbouring synthetic codes so the
    // link graph (backlinks, see-also) has the real shape.
    const entry: Entry = structuredClone(model);
    entry.code = code;
    entry.title = `${model.title} (synthetic)`;
    entry.reproduction.expect.sqlstate = code;
    entry.related = (model.related ?? []).map((r, k) => ({ ...r, code: made[(i + k + 1) % made.length] }))
      .filter((r) => r.code !== code);
    writeFileSync(path('errors', `${code}.yaml`), yaml.dump(entry, { lineWidth: -1 }));
  });

  writeFileSync(path('catalog', 'codes.json'), JSON.stringify(codesJson));
  writeFileSync(path('catalog', 'classes.json'), JSON.stringify(classes));
  writeFileSync(path('catalog', 'messages.json'), JSON.stringify(messagesJson));
  return files.length + made.length;
}
