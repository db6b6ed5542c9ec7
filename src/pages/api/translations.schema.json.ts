import type { APIRoute } from 'astro';
import { jsonSchemaOf, translationListSchema } from '../../lib/api-schema.ts';

export const GET: APIRoute = () => Response.json(jsonSchemaOf(translationListSchema));
