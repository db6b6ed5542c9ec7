import type { APIRoute, GetStaticPaths } from 'astro';
import { loadEntries } from '../../../entries.ts';
import { errorDetail } from '../../../lib/api.ts';
import { codes, getCode } from '../../../lib/catalog.ts';

export const getStaticPaths = (() => codes.map((c) => ({ params: { code: c.code } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const code = params.code!;
  return Response.json(errorDetail(getCode(code), (await loadEntries()).entries.get(code), site!));
};
