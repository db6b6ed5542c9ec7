import type { APIRoute } from 'astro';
import { searchCodes } from '../../lib/api.ts';

export const GET: APIRoute = () => Response.json(searchCodes());
