// Lets a browser's address bar search the site: "/?q=23505" opens the entry, anything else the
// search with its results.
import type { APIRoute } from 'astro';
import { FAVICON } from '../layouts/favicon.ts';

export const GET: APIRoute = ({ site }) => {
  const search = new URL('/?q={searchTerms}', site).href.replace('%7BsearchTerms%7D', '{searchTerms}');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>PostgreSQL errors</ShortName>
  <Description>PostgreSQL error codes, condition names and messages</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Image type="image/svg+xml">${FAVICON.replaceAll('&', '&amp;')}</Image>
  <Url type="text/html" method="get" template="${search}"/>
</OpenSearchDescription>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/opensearchdescription+xml' } });
};
