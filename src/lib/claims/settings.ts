// Checks the server settings an entry names against what real servers 14-18 report in pg_settings
// (content/catalog/settings.json, collected by `npm run verify`): every setting named in SQL
// (SET, SHOW, RESET, ALTER SYSTEM / DATABASE / ROLE ... SET, current_setting, set_config) or in a
// postgresql.conf block (`lang: conf`) exists; every default stated in prose ("`x` (1 s by default)",
// "`x` defaults to 0") equals the boot value; "`x` is new in N" / "`x` (N+)" names the first major
// that has it, and prose naming a setting that not every major has says from which major.
// Other programs' settings (PgBouncer, libpq keywords) go in `ini` or `text` blocks, not `conf`.
import type { Entry } from '../entry-schema.ts';
import { sqlBlocks } from './sql-blocks.ts';

export interface SettingFacts {
  boot_val: string | null;
  unit: string | null;
  vartype: string;
}
/** major -> { version, settings: name -> facts } */
export type SettingsCatalog = Record<string, { version: string; settings: Record<string, SettingFacts> }>;

const MAJORS = ['14', '15', '16', '17', '18'];

export class Settings {
  private catalog: SettingsCatalog;
  constructor(catalog: SettingsCatalog) {
    this.catalog = catalog;
  }
  /** Majors whose server has the setting (names are case-insensitive, as in the server). */
  majorsOf(name: string): string[] {
    const lower = name.toLowerCase();
    return MAJORS.filter((m) => Object.keys(this.catalog[m]?.settings ?? {}).some((n) => n.toLowerCase() === lower));
  }
  facts(name: string, major: string): SettingFacts | undefined {
    const s = this.catalog[major]?.settings ?? {};
    const key = Object.keys(s).find((n) => n.toLowerCase() === name.toLowerCase());
    return key ? s[key] : undefined;
  }
}

/** Units a stated default may carry, in the setting's base units. */
const TIME_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, sec: 1000, second: 1000, seconds: 1000, min: 60_000, minute: 60_000, minutes: 60_000, h: 3_600_000, hour: 3_600_000, hours: 3_600_000, d: 86_400_000, day: 86_400_000, days: 86_400_000 };
const SIZE_KB: Record<string, number> = { b: 1 / 1024, bytes: 1 / 1024, kb: 1, mb: 1024, gb: 1024 ** 2, tb: 1024 ** 3 };

/** A setting's unit as pg_settings gives it ("ms", "s", "min", "kB", "8kB", "MB"), in ms or kB. */
function unitScale(unit: string | null): { kind: 'time' | 'size'; scale: number } | undefined {
  if (!unit) return undefined;
  const m = /^(\d*)(\w+)$/.exec(unit)!;
  const n = m[1] ? Number(m[1]) : 1;
  const u = m[2].toLowerCase();
  if (u in TIME_MS) return { kind: 'time', scale: n * TIME_MS[u] };
  if (u in SIZE_KB) return { kind: 'size', scale: n * SIZE_KB[u] };
  return undefined;
}

/**
 * Does the stated value equal the boot value? undefined when the statement cannot be read as a
 * value (it is prose, not a number or a word the check knows), so nothing is claimed either way.
 */
export function sameValue(stated: string, facts: SettingFacts): boolean | undefined {
  const s = stated.trim().replace(/^[`'"]|[`'"]$/g, '').toLowerCase();
  const boot = (facts.boot_val ?? '').toLowerCase();
  if (facts.vartype === 'bool') {
    const word = /^(on|off|true|false|yes|no)\b/.exec(s)?.[1];
    if (!word) return undefined;
    return ['on', 'true', 'yes'].includes(word) === (boot === 'on');
  }
  if (facts.vartype === 'integer' || facts.vartype === 'real') {
    const m = /^(-?\d+(?:\.\d+)?)\s*([a-z]+)?/.exec(s);
    if (!m) return undefined;
    const value = Number(m[1]);
    const scale = unitScale(facts.unit);
    if (!m[2] || ['off', 'disables', 'disabled', 'means', 'meaning', 'is', 'for', 'no'].includes(m[2])) return value === Number(boot) * (scale ? 1 : 1) || (value === 0 && Number(boot) === 0);
    if (!scale) return undefined;
    const table = scale.kind === 'time' ? TIME_MS : SIZE_KB;
    const unit = table[m[2]];
    if (unit === undefined) return undefined;
    return Math.abs(value * unit - Number(boot) * scale.scale) < 1e-9;
  }
  const word = /^[a-z0-9_,\s-]+/.exec(s)?.[0].trim();
  return word ? word === boot : undefined;
}

export interface SettingMention {
  field: string;
  name: string;
  how: 'sql' | 'conf' | 'prose';
  /** The default the text states, as written. */
  statedDefault?: string;
  /** The major the text says the setting is new in ("new in 17", "17+"). */
  statedSince?: number;
  /** Majors the surrounding text names ("PostgreSQL 17+", "from 16"). */
  versionWords: number[];
}

const SQL_FORMS = [
  /^\s*(?:SET|RESET|SHOW)\s+(?:(?:LOCAL|SESSION)\s+)?([a-z_][a-z0-9_.]*)/gi,
  /ALTER\s+SYSTEM\s+(?:SET|RESET)\s+([a-z_][a-z0-9_.]*)/gi,
  /ALTER\s+(?:DATABASE|ROLE|USER)\s+\S+(?:\s+IN\s+DATABASE\s+\S+)?\s+(?:SET|RESET)\s+([a-z_][a-z0-9_.]*)/gi,
  /(?:current_setting|set_config)\s*\(\s*'([a-z_][a-z0-9_.]*)'/gi,
];
/** SET / SHOW forms that are statements of their own, not settings. */
const NOT_SETTINGS = new Set(['all', 'transaction', 'constraints', 'role', 'session', 'local', 'characteristics', 'authorization', 'time']);

const versionsIn = (text: string) =>
  [...text.matchAll(/\b(?:PostgreSQL\s+|from\s+|in\s+|since\s+)?(1[4-9])(?:\+|\b)/g)].map((m) => Number(m[1]));

/** Every setting an entry names, with what the text around it claims. */
export function settingMentions(entry: Entry, isSetting: (name: string) => boolean): SettingMention[] {
  const out: SettingMention[] = [];
  for (const block of sqlBlocks(entry)) {
    const sql = block.sql.replace(/--[^\n]*/g, '');
    for (const statement of sql.split(';')) {
      for (const re of SQL_FORMS) {
        for (const m of statement.matchAll(re)) {
          const name = m[1];
          if (NOT_SETTINGS.has(name.toLowerCase()) || name.includes('.')) continue;
          out.push({ field: block.field, name, how: 'sql', versionWords: [] });
        }
      }
    }
  }
  // `context`: text that qualifies the value, e.g. a version note's "17+".
  const visit = (value: unknown, field: string, context = '') => {
    if (typeof value === 'string') {
      for (const m of value.matchAll(/`([a-z_][a-z0-9_]*)`/g)) {
        if (!isSetting(m[1])) continue;
        const after = value.slice(m.index + m[0].length, m.index + m[0].length + 80);
        const stated = /^\s*\(([^()]*?)\s+by default\b/.exec(after)?.[1]
          ?? /^\s*(?:defaults to|\(default(?: is)?|, default(?: is)?|\(the default,?) ([^,;)]+?)(?=[,;)]|\.\s|\.$|$)/.exec(after)?.[1];
        const since = /^\s*(?:\([^)]*?)?(?:is |was )?(?:new in|added in|introduced in|from) (?:PostgreSQL )?(1[4-9])\b|^\s*\((?:PostgreSQL )?(1[4-9])\+\)/.exec(after);
        out.push({
          field, name: m[1], how: 'prose', statedDefault: stated,
          statedSince: since ? Number(since[1] ?? since[2]) : undefined,
          versionWords: versionsIn(value + ' ' + context),
        });
      }
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${field}[${i}]`));
    else if (value && typeof value === 'object') {
      const code = value as { lang?: string; code?: string };
      if (code.lang === 'conf' && typeof code.code === 'string') {
        for (const m of code.code.matchAll(/^\s*([a-z_][a-z0-9_.]*)\s*=\s*('[^']*'|[^\s#]+)/gm)) {
          if (!m[1].includes('.')) out.push({ field: `${field}.code`, name: m[1], how: 'conf', versionWords: versionsIn(code.code) });
        }
        return;
      }
      const versions = (value as { versions?: unknown }).versions;
      for (const [k, v] of Object.entries(value)) visit(v, field ? `${field}.${k}` : k, typeof versions === 'string' ? versions : context);
    }
  };
  const { reproduction: _r, ...prose } = entry;
  visit(prose, '');
  return out;
}

/**
 * Defaults that the server computes at start instead of its boot value, and why: the docs and
 * SHOW give these, so an entry may state them.
 */
const DYNAMIC_DEFAULTS: Record<string, { value: string; why: string }> = {
  max_stack_depth: { value: '2MB', why: 'guc.c sets it from the stack rlimit at start, up to 2MB' },
};

/**
 * Problems with one entry's settings: "<field>: <what is wrong>". `entrySince` is the first major
 * that has the entry's own code: an entry about a 17+ code need not repeat "17+" for 17+ settings.
 */
export function settingProblems(entry: Entry, settings: Settings, entrySince = 14): string[] {
  const problems: string[] = [];
  for (const m of settingMentions(entry, (n) => settings.majorsOf(n).length > 0)) {
    const majors = settings.majorsOf(m.name);
    if (!majors.length) {
      problems.push(`${m.field}: \`${m.name}\` is not a setting of PostgreSQL 14-18 (pg_settings)`);
      continue;
    }
    const first = Number(majors[0]);
    if (m.statedSince !== undefined && !(m.statedSince === first || (first === 14 && m.statedSince <= 14))) {
      problems.push(`${m.field}: says \`${m.name}\` is new in ${m.statedSince}; the first major that has it is ${first}`);
    }
    if (m.how === 'prose' && first > entrySince && m.statedSince === undefined && !m.versionWords.includes(first)) {
      problems.push(`${m.field}: \`${m.name}\` exists only from PostgreSQL ${first}: say so where it is named`);
    }
    if (m.statedDefault !== undefined) {
      const facts = settings.facts(m.name, majors.at(-1)!)!;
      const dynamic = DYNAMIC_DEFAULTS[m.name];
      const same = dynamic ? sameValue(m.statedDefault, { ...facts, boot_val: String(parseInt(dynamic.value) * 1024), unit: 'kB' }) : sameValue(m.statedDefault, facts);
      if (same === false) {
        problems.push(`${m.field}: says \`${m.name}\` defaults to "${m.statedDefault}"; the server's boot value is ${facts.boot_val}${facts.unit ? ` ${facts.unit}` : ''}`);
      }
    }
  }
  return problems;
}
