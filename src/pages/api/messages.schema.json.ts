import type { APIRoute } from 'astro';
import { jsonSchemaOf, messageListSchema } from '../../lib/api-schema.ts';

export const GET: APIRoute = () => Response.json(jsonSchemaOf(messageListSchema));
