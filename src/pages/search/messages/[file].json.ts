// /search/messages/index.json and its shards /search/messages/<lang>-<n>.json, fetched by the
// search box only when a query looks like a pasted message (see src/scripts/search.ts).
import type { APIRoute } from 'astro';
import { loadEntries } from '../../../entries.ts';
import { messageSearchData } from '../../../lib/messages/site.ts';

export async function getStaticPaths() {
  const { manifest, shards } = messageSearchData((await loadEntries()).entries);
  return [
    { params: { file: 'index' }, props: { body: manifest } },
    ...[...shards].map(([file, rows]) => ({ params: { file }, props: { body: rows } })),
  ];
}

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props.body), { headers: { 'content-type': 'application/json' } });
