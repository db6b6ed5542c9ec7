import type { APIRoute } from 'astro';
import { errorListSchema, jsonSchemaOf } from '../../lib/api-schema.ts';

export const GET: APIRoute = () => Response.json(jsonSchemaOf(errorListSchema));
