// The shape of the JSON API, as zod schemas: the one source for the JSON Schema files served under
// /api/ and for the tests that validate every API file. Bump API_VERSION when a field changes
// meaning or goes away; adding a field does not.
import { z } from 'zod';
import { entrySchema } from './entry-schema.ts';

export const API_VERSION = 1;

const code = z.string().regex(/^[0-9A-Z]{5}$/);

export const errorListSchema = z.strictObject({
  $schema: z.url(),
  version: z.literal(API_VERSION),
  errors: z.array(z.strictObject({
    code,
    name: z.string(),
    class: z.string().length(2),
    className: z.string(),
    type: z.enum(['success', 'warning', 'error']),
    title: z.string().nullable(),
    tier: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
    confidence: z.enum(['high', 'medium', 'low']).nullable(),
    authored: z.boolean(),
    url: z.url(),
  })),
}).meta({ title: 'PostgreSQL Error Reference: every SQLSTATE', description: '/api/errors.json' });

export const errorDetailSchema = z.strictObject({
  $schema: z.url(),
  version: z.literal(API_VERSION),
  code,
  name: z.string(),
  classCode: z.string().length(2),
  className: z.string(),
  type: z.enum(['success', 'warning', 'error']),
  macros: z.array(z.string()),
  since: z.string().describe('first major with the code; "<=13" means already in 13'),
  removedIn: z.string().nullable(),
  inReleases: z.array(z.string()),
  url: z.url(),
  serverMessages: z.array(z.strictObject({ text: z.string(), file: z.string() })).describe('the messages of the 18.6 sources that name this code (see messages for 14-19)'),
  messages: z.array(z.strictObject({
    text: z.string(),
    role: z.enum(['message', 'detail', 'hint']),
    levels: z.array(z.string()),
    how: z.string().describe('how the code is determined, as in /api/messages.json'),
    sqlstates: z.array(code).describe('every code the text can carry; more than one when the operating-system error or the level decides'),
    files: z.array(z.string()),
    majors: z.array(z.number().int()),
  })).describe('every server text of 14-19 that can carry this code'),
  entry: entrySchema.nullable().describe('the authored entry, or null when none is written yet'),
  clients: z.array(z.strictObject({
    client: z.string(),
    basis: z.enum(['run', 'cited']).describe('run: recorded from the real client by npm run verify; cited: read in its source'),
    version: z.string(),
    majors: z.array(z.number().int()).optional().describe('the majors this line holds for, when they differ'),
    situation: z.string().optional().describe('how the code was met, for a code clients meet in more than one way (e.g. Unknown host)'),
    snippet: z.strictObject({ lang: z.string(), code: z.string() }).optional(),
    says: z.string().describe('what the client raises and where the code is, `backticks` for code'),
    short: z.string().describe('what to catch or read, in a few words'),
    source: z.strictObject({ label: z.string(), url: z.url() }).optional(),
    moreSources: z.array(z.strictObject({ label: z.string(), url: z.url() })).optional().describe('further source files a cited line was read in'),
  })).describe('how each client reports the code; empty for codes no client raises (notices, client-side codes)'),
}).meta({ title: 'PostgreSQL Error Reference: one SQLSTATE', description: '/api/errors/<CODE>.json' });

const majors = z.array(z.number().int().min(14)).describe('the PostgreSQL majors whose source has this text');
const how = z.string().describe('how the SQLSTATE is determined: literal (errcode names it), variable (chosen at run time from listed codes), file-errno / socket-errno / dsm-errno (from the operating-system error), default / elog (no code named: the default for the level), caller (a helper text inside other reports), context, none, unlinked');

export const messageListSchema = z.strictObject({
  $schema: z.url(),
  version: z.literal(API_VERSION),
  from: z.string(),
  languages: z.array(z.strictObject({ lang: z.string(), url: z.url(), texts: z.number().int() })).describe('the translations, one file per language'),
  messages: z.array(z.strictObject({
    text: z.string().describe('the format as in the source: %s, %d, %m ... are filled in at run time'),
    kind: z.string().describe('errmsg, errmsg_internal, elog, errdetail, errhint, ... (the call that carries the text)'),
    level: z.string().describe('ERROR, FATAL, WARNING, LOG ...; several comma-separated when the level is chosen at run time'),
    sqlstates: z.array(code).describe('every code the text can carry, in the order of the errno mapping or the level defaults; empty when unknown'),
    how,
    file: z.string(),
    majors,
    with: z.array(z.string()).optional().describe('for a DETAIL or HINT: the errmsg texts of the reports it belongs to'),
  })),
}).meta({ title: 'PostgreSQL Error Reference: server messages of 14-19', description: '/api/messages.json' });

export const translationListSchema = z.strictObject({
  $schema: z.url(),
  version: z.literal(API_VERSION),
  lang: z.string(),
  translations: z.array(z.strictObject({
    domain: z.enum(['postgres', 'plpgsql', 'libpq', 'psql']),
    msgid: z.string().describe('the English text, as in /api/messages.json or libpq/psql'),
    msgstr: z.string(),
    pluralIndex: z.number().int().optional(),
    majors,
  })),
}).meta({ title: 'PostgreSQL Error Reference: translations of one language', description: '/api/messages/<lang>.json' });

export const SCHEMA_PATHS = {
  list: '/api/errors.schema.json', detail: '/api/error.schema.json',
  messages: '/api/messages.schema.json', translations: '/api/translations.schema.json',
} as const;

export const jsonSchemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });
