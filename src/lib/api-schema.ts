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
  serverMessages: z.array(z.strictObject({ text: z.string(), file: z.string() })),
  entry: entrySchema.nullable().describe('the authored entry, or null when none is written yet'),
  clients: z.array(z.strictObject({
    client: z.string(),
    basis: z.enum(['run', 'cited']).describe('run: recorded from the real client by npm run verify; cited: read in its source'),
    version: z.string(),
    majors: z.array(z.number().int()).optional().describe('the majors this line holds for, when they differ'),
    snippet: z.strictObject({ lang: z.string(), code: z.string() }).optional(),
    says: z.string().describe('what the client raises and where the code is, `backticks` for code'),
    short: z.string().describe('what to catch or read, in a few words'),
    source: z.strictObject({ label: z.string(), url: z.url() }).optional(),
  })).describe('how each client reports the code; empty for codes no client raises (notices, client-side codes)'),
}).meta({ title: 'PostgreSQL Error Reference: one SQLSTATE', description: '/api/errors/<CODE>.json' });

export const SCHEMA_PATHS = { list: '/api/errors.schema.json', detail: '/api/error.schema.json' } as const;

export const jsonSchemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });
