import type { APIRoute } from 'astro';
import { messageList } from '../../lib/messages/api.ts';

export const GET: APIRoute = ({ site }) => Response.json(messageList(site!));
