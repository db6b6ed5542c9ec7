// Every piece of SQL an entry shows or runs, with the field it sits in, so a test can hand each to
// PostgreSQL's own parser (libpg-query). A block that is deliberately not valid SQL says why in the
// data (`invalidSql` on a reproduction or a code block); psql meta-commands (lines starting with a
// backslash) are psql's, not the server's, and are left out before parsing. A `plpgsql` block is
// parsed when it is a whole statement (CREATE FUNCTION, DO); otherwise it is a fragment of a
// function body, which no parser can take on its own.
import type { Entry } from '../entry-schema.ts';

export interface SqlBlock {
  field: string;
  sql: string;
  lang: 'sql' | 'plpgsql';
}

type Steps = { sql?: string }[] | undefined;

function caseBlocks(prefix: string, c: Record<string, unknown>): SqlBlock[] {
  if (c.invalidSql) return [];
  const out: SqlBlock[] = [];
  const add = (field: string, sql: unknown) => typeof sql === 'string' && out.push({ field: `${prefix}.${field}`, sql, lang: 'sql' });
  add('setup', c.setup);
  add('sql', c.sql);
  (c.steps as Steps)?.forEach((s, i) => add(`steps[${i}].sql`, s.sql));
  ((c.connect as { then?: Steps } | undefined)?.then)?.forEach((s, i) => add(`connect.then[${i}].sql`, s.sql));
  const code = c.code as { lang: string; code: string } | undefined;
  if (code && (code.lang === 'sql' || code.lang === 'plpgsql')) add('code.code', code.code);
  return out;
}

export function sqlBlocks(entry: Entry): SqlBlock[] {
  const out = caseBlocks('reproduction', entry.reproduction as Record<string, unknown>);
  entry.fixes.forEach((fix, i) => {
    if (fix.code && (fix.code.lang === 'sql' || fix.code.lang === 'plpgsql') && !fix.code.invalidSql) {
      out.push({ field: `fixes[${i}].code.code`, sql: fix.code.code, lang: fix.code.lang });
    }
    if (fix.check) out.push(...caseBlocks(`fixes[${i}].check`, fix.check as Record<string, unknown>));
  });
  return out;
}

/** A plpgsql block that is a whole statement, not a fragment of a function body. */
export const isWholeStatement = (block: SqlBlock) =>
  block.lang === 'sql' || /^\s*(?:--[^\n]*\n\s*)*(?:CREATE|DO)\b/i.test(block.sql);

/** The SQL the server would see: psql's backslash commands removed, line numbers kept. */
export const withoutPsqlCommands = (sql: string) => sql.split('\n').map((l) => (/^\s*\\/.test(l) ? '' : l)).join('\n');
