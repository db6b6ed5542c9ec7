import type { APIRoute } from 'astro';
import { loadEntries } from '../../entries.ts';
import { errorList } from '../../lib/api.ts';

export const GET: APIRoute = async ({ site }) =>
  Response.json(errorList((await loadEntries()).entries, site!));
