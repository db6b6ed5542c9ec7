// /<CODE>.txt: the short form of /errors/<CODE>.txt, for `curl -s https://HOST/23505.txt`.
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadEntries } from '../entries.ts';
import { codes, getCode } from '../lib/catalog.ts';
import { entryText, pendingText } from '../lib/plain-text.ts';

export const getStaticPaths = (() => codes.map((c) => ({ params: { code: c.code } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const info = getCode(params.code!);
  const entry = (await loadEntries()).entries.get(info.code);
  return new Response(entry ? entryText(info, entry, site!) : pendingText(info, site!), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
