import type { APIRoute } from 'astro';
import { loadEntries } from '../../entries.ts';
import { searchSummaries } from '../../lib/api.ts';

export const GET: APIRoute = async () => Response.json(searchSummaries((await loadEntries()).entries));
