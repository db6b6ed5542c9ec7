// Pure helpers for scripts/import-messages.ts: reading the errno tables of the data's README and
// tying DETAIL/HINT texts to the message of their report. Unit-tested in tests/unit/.

export type ErrnoFamily = 'file' | 'socket' | 'dsm';
export interface ErrnoRow {
  errno: string;
  /** Major -> SQLSTATE; null where the major's mapping has no such line ("-" in the table). */
  codes: Record<string, string | null>;
}
export interface ErrnoTables {
  majors: string[];
  file: ErrnoRow[];
  socket: ErrnoRow[];
  /** `other` rows say "as errcode_for_file_access()": written as the code "file". */
  dsm: ErrnoRow[];
}

const HEADINGS: Record<ErrnoFamily, string> = {
  file: '`errcode_for_file_access()`',
  socket: '`errcode_for_socket_access()`',
  dsm: '`errcode_for_dynamic_shared_memory()`',
};

/** The three errno -> SQLSTATE tables, found by the line that introduces each. */
export function parseErrnoTables(readme: string): ErrnoTables {
  const lines = readme.split('\n');
  const out: Partial<ErrnoTables> = {};
  for (const [family, heading] of Object.entries(HEADINGS) as [ErrnoFamily, string][]) {
    const start = lines.findIndex((l) => l.startsWith(heading));
    if (start < 0) throw new Error(`messages README: no table introduced by ${heading}`);
    const table = lines.slice(start + 1).filter((_, i, all) => all.slice(0, i + 1).every((l) => l.trim() === '' || l.startsWith('|'))).filter((l) => l.startsWith('|'));
    const cells = (l: string) => l.split('|').slice(1, -1).map((c) => c.trim());
    const majors = cells(table[0]).slice(1);
    if (majors.length === 0 || majors.some((m) => !/^\d+$/.test(m))) throw new Error(`messages README: cannot read the majors of the ${family} table`);
    out.majors = majors;
    out[family] = table.slice(2).map((l) => {
      const [errno, ...values] = cells(l);
      const codes = Object.fromEntries(majors.map((m, i) => {
        const v = values[i] ?? '';
        if (v === '-') return [m, null];
        if (v.startsWith('as errcode_for_file_access')) return [m, 'file'];
        const code = /^([0-9A-Z]{5})\b/.exec(v)?.[1];
        if (!code) throw new Error(`messages README: cannot read "${v}" in the ${family} table, row ${errno}`);
        return [m, code];
      }));
      return { errno: errno.replace(/`/g, ''), codes };
    });
  }
  return out as ErrnoTables;
}

interface Row {
  text: string;
  kind: string;
  sqlstate: string;
  file: string;
  lines: string;
}
const isMessage = (kind: string) => kind === 'errmsg' || kind === 'errmsg_plural' || kind === 'errmsg_internal';
const isTieable = (kind: string) => /^(errdetail|errhint)/.test(kind) && !kind.endsWith(':arg');
// A report's DETAIL or HINT follows its errmsg within a few lines; a longer gap means another report.
const MAX_GAP = 8;

/** "17:120,455 18:121" -> [[17, 120], [17, 455], [18, 121]]. */
const parseLines = (lines: string): [string, number][] =>
  lines.split(' ').filter(Boolean).flatMap((part) => {
    const [major, list] = part.split(':');
    return list.split(',').map((n) => [major, Number(n)] as [string, number]);
  });

/**
 * Adds `with` to DETAIL and HINT rows: the errmsg texts of the reports they belong to. A detail
 * belongs to the nearest errmsg above it in the same file, at most MAX_GAP lines up, in some
 * major, when that errmsg carries the same SQLSTATE(s).
 */
export function tieDetails<T extends Row>(rows: T[]): (T & { with?: string[] })[] {
  const messagesByFile = new Map<string, { major: string; line: number; text: string; sqlstate: string }[]>();
  for (const r of rows) {
    if (!isMessage(r.kind)) continue;
    for (const [major, line] of parseLines(r.lines)) {
      const list = messagesByFile.get(r.file) ?? [];
      list.push({ major, line, text: r.text, sqlstate: r.sqlstate });
      messagesByFile.set(r.file, list);
    }
  }
  return rows.map((r) => {
    if (!isTieable(r.kind)) return r;
    const found = new Set<string>();
    for (const [major, line] of parseLines(r.lines)) {
      let best: { line: number; text: string; sqlstate: string } | undefined;
      for (const m of messagesByFile.get(r.file) ?? []) {
        if (m.major === major && m.line < line && line - m.line <= MAX_GAP && (!best || m.line > best.line)) best = m;
      }
      if (best && best.sqlstate === r.sqlstate) found.add(best.text);
    }
    return found.size ? { ...r, with: [...found].sort() } : r;
  });
}
