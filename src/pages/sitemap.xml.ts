import type { APIRoute } from 'astro';
import { loadEntries } from '../entries.ts';
import { sitemapUrls, sitemapXml } from '../lib/site-map.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(sitemapXml(sitemapUrls((await loadEntries()).files), site!), { headers: { 'Content-Type': 'application/xml' } });
