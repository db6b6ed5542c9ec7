import type { APIRoute } from 'astro';
import { loadEntries } from '../../entries.ts';
import { searchMessages } from '../../lib/api.ts';

export const GET: APIRoute = async () => Response.json(searchMessages((await loadEntries()).entries));
