// dist/_redirects and dist/nginx-redirects.conf (Astro leaves files named _* in src/pages out).
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildAliases } from '../lib/aliases.ts';
import { codes } from '../lib/catalog.ts';
import { netlifyRedirects, nginxRedirects } from '../lib/redirects.ts';

export const getStaticPaths = (() => [
  { params: { redirectFile: '_redirects' } },
  { params: { redirectFile: 'nginx-redirects.conf' } },
]) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const aliases = buildAliases(codes);
  return new Response(params.redirectFile === '_redirects' ? netlifyRedirects(aliases) : nginxRedirects(aliases));
};
