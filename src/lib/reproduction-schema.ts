// How an entry reproduces its error, in a form `npm run verify` runs against real servers.
// Four kinds:
//   sql       one session runs `setup`, then `sql`, which must fail with `expect.sqlstate`.
//   sessions  named sessions run ordered `steps` (deadlocks, lock waits, terminations).
//   connect   a connection attempt (wrong password, unknown database, no pg_hba.conf entry, ...).
//   manual    cannot run in plain SQL (disk full, crash, network cut): says why and what would.
import { z } from 'zod';
import { sqlstateSchema, text } from './schema-parts.ts';

const sessionName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a session name is lower-case, e.g. "a"');

/**
 * Server settings for the case. Settings a database can carry (pg_settings context user or
 * superuser) are applied with ALTER DATABASE to the case's database; any other setting, and any
 * `hba` line or `hbaCatchAll: false`, gets the case its own server instance.
 */
const serverSchema = z.strictObject({
  /** postgresql.conf settings, passed as `-c name=value` when the instance starts. */
  settings: z.record(z.string(), z.string()).default({}),
  /** pg_hba.conf lines placed before the runner's own catch-all lines. */
  hba: z.array(text).default([]),
  /**
   * false: leave out the runner's catch-all line (`host all all 127.0.0.1/32 scram-sha-256`), so a
   * connection that none of `hba` matches gets "no pg_hba.conf entry" (28000).
   */
  hbaCatchAll: z.boolean().optional(),
});

const expectSchema = z.strictObject({
  sqlstate: sqlstateSchema,
  /** Which session receives the error; "any" where the server picks (a deadlock's victim). */
  session: z.union([sessionName, z.literal('any')]).default('main'),
});

const sqlStep = z.strictObject({
  session: sessionName,
  sql: text,
  /** The statement waits on a lock: the runner goes on once the server shows it waiting. */
  blocks: z.boolean().default(false),
});
const sleepStep = z.strictObject({
  /** Lets a timeout fire; the only place where a case waits on the clock. */
  sleepMs: z.number().int().positive().max(10_000),
});

const common = {
  /** What the case shows, in words, for the page. */
  description: text,
  expect: expectSchema,
  server: serverSchema.optional(),
  /** Run first, as superuser, in the case's own fresh database. Must succeed. */
  setup: text.optional(),
  /** Majors where the case cannot apply (e.g. 72000 before 17 needs old_snapshot_threshold). */
  onlyMajors: z.array(z.number().int().min(14).max(18)).optional(),
  /** Why the case's SQL deliberately does not parse (a 42601 syntax-error reproduction). */
  invalidSql: text.optional(),
};

const sessionsFields = { steps: z.array(z.union([sqlStep, sleepStep])).min(2) };
const connectFields = {
  connect: z.strictObject({
    user: z.string().default('postgres'),
    password: z.string().optional(),
    database: z.string().optional(),
    /** Open this many connections first and keep them, to exhaust connection slots. */
    holdConnections: z.number().int().positive().max(50).optional(),
    /** After connecting, run this (e.g. to let an idle timeout fire) in the connected session. */
    then: z.array(z.union([z.strictObject({ sql: text }), sleepStep])).optional(),
  }),
};

export const reproductionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sql'), ...common, sql: text }),
  z.strictObject({ kind: z.literal('sessions'), ...common, ...sessionsFields }),
  z.strictObject({ kind: z.literal('connect'), ...common, ...connectFields }),
  z.strictObject({
    kind: z.literal('manual'),
    description: text,
    expect: z.strictObject({ sqlstate: sqlstateSchema, session: z.string().optional() }),
    /** Why this cannot run as plain SQL against a test server. */
    whyNotRunnable: text,
    /** What would trigger it, in order: prose steps, shown as a list. */
    steps: z.array(text).min(1),
    /** Optional illustration (SQL, config or shell) shown with the steps; never run. */
    code: z.strictObject({ lang: z.string(), code: text }).optional(),
  }),
], { error: 'kind must be one of sql, sessions, connect, manual' });

/**
 * A fix's check: a case in the same three runnable kinds, run by `npm run verify` like a
 * reproduction, that shows the fix working. It expects either a SQLSTATE (`SET lock_timeout` turns
 * a hang into 55P03) or `noError: true`: no session receives an ERROR or FATAL.
 */
const fixExpectSchema = z.union([
  expectSchema,
  z.strictObject({ noError: z.literal(true) }),
], { error: 'expect is { sqlstate: "CODE", session?: name } or { noError: true }' });
const checkCommon = { ...common, description: text.optional(), expect: fixExpectSchema };

export const fixCheckSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sql'), ...checkCommon, sql: text }),
  z.strictObject({ kind: z.literal('sessions'), ...checkCommon, ...sessionsFields }),
  z.strictObject({ kind: z.literal('connect'), ...checkCommon, ...connectFields }),
], { error: 'a fix check has kind sql, sessions or connect' });

export type FixCheck = z.infer<typeof fixCheckSchema>;
export type Reproduction = z.infer<typeof reproductionSchema>;
