import type { APIRoute } from 'astro';
import { errorDetailSchema, jsonSchemaOf } from '../../lib/api-schema.ts';

export const GET: APIRoute = () => Response.json(jsonSchemaOf(errorDetailSchema));
