import type { APIRoute } from 'astro';
import { languages } from '../../../lib/messages/catalog.ts';
import { translationList } from '../../../lib/messages/api.ts';

export const getStaticPaths = () => languages().map((lang) => ({ params: { lang } }));
export const GET: APIRoute = ({ params, site }) => Response.json(translationList(params.lang!, site!));
