// The shape of an authored entry (content/errors/<CODE>.yaml): the single source of truth,
// used by Astro's content collection and by scripts/check-content.ts alike.
import { z } from 'zod';
import { fixCheckSchema, reproductionSchema } from './reproduction-schema.ts';
import { sqlstateSchema, text } from './schema-parts.ts';


export const TIERS = {
  1: { label: 'Tier 1 — Safe', meaning: 'No risk to data or service: fix the statement or the data.' },
  2: {
    label: 'Tier 2 — Caution',
    meaning: "Transient or operational: needs a retry policy or an operator's action.",
  },
  3: { label: 'Tier 3 — Danger', meaning: 'Data loss, corruption or server health at stake.' },
} as const;

export const CODE_LANGS = [
  'sql', 'plpgsql', 'shell', 'ini', 'conf', 'python', 'javascript', 'typescript', 'java', 'go',
  'csharp', 'ruby', 'yaml', 'json', 'text',
] as const;

export const codeBlockSchema = z.strictObject({
  lang: z.enum(CODE_LANGS),
  code: text,
  /** Why this SQL is not meant to parse (a template with placeholders, a wrong example). */
  invalidSql: text.optional(),
});

const SEVERITIES = ['ERROR', 'FATAL', 'PANIC', 'WARNING', 'NOTICE', 'LOG'] as const;

/**
 * Who shows the text: the server, libpq/psql, a pooler or a driver; `extension` for an extension or
 * FDW outside PostgreSQL's tree, `application` for a text the user's own code chose (RAISE).
 */
export const MESSAGE_SOURCES = [
  'server', 'server log', 'libpq', 'psql', 'pgbouncer', 'psycopg', 'node-postgres', 'pgjdbc',
  'pgx', 'Npgsql', 'ruby-pg', 'asyncpg', 'postgres.js', 'lib/pq', 'extension', 'application',
] as const;

export const entrySchema = z.strictObject({
  code: sqlstateSchema,
  title: text,
  summary: text.max(200, 'one line: at most 200 characters'),
  severity: z.array(z.enum(SEVERITIES)).min(1),
  tier: z.union([z.literal(1), z.literal(2), z.literal(3)], {
    error: 'must be 1, 2 or 3 (Safe, Caution, Danger)',
  }),
  confidence: z.strictObject({ level: z.enum(['high', 'medium', 'low']), rationale: text }),
  producedBy: z.strictObject({ side: z.enum(['server', 'client', 'both']), when: text }),
  meaning: text,
  messages: z
    .array(z.strictObject({ text, source: z.enum(MESSAGE_SOURCES), note: text.optional() }))
    .default([]),
  causes: z.array(z.strictObject({ title: text, detail: text.optional() })).min(1),
  reproduction: reproductionSchema,
  fixes: z
    .array(
      z.strictObject({
        title: text,
        when: text,
        code: codeBlockSchema.optional(),
        why: text,
        /** Run by `npm run verify` to show the fix works. */
        check: fixCheckSchema.optional(),
        /** Why no check can run: a config file and a restart, application code, the OS ... */
        notCheckable: text.optional(),
      }).refine((fix) => !(fix.check && fix.notCheckable), {
        message: 'a fix has either a check or notCheckable, not both',
        path: ['notCheckable'],
      }),
    )
    .min(1),
  notToDo: z.array(z.strictObject({ title: text, why: text })).min(1),
  versionNotes: z.array(z.strictObject({ versions: text, text })).default([]),
  dangerousVariant: z.strictObject({ title: text, text }).optional(),
  retry: z.strictObject({ safety: z.enum(['safe', 'unsafe', 'depends']), why: text }),
  sources: z.array(z.strictObject({ title: text, url: z.url() })).min(1),
  related: z.array(z.strictObject({ code: sqlstateSchema, why: text })).default([]),
});

export type Entry = z.infer<typeof entrySchema>;
export type Tier = keyof typeof TIERS;
