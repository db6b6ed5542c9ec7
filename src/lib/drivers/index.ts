// The committed client results, for pages, search and the API.
import committedJson from '../../../content/verification/clients.json' with { type: 'json' };
import { clientClassNames, clientLines } from './lines.ts';
import type { ClientResults } from './results.ts';

export const clientResults = committedJson as unknown as ClientResults;
export const linesFor = (code: string, side?: 'server' | 'client' | 'both') => clientLines(code, clientResults, side);
export const classNamesFor = (code: string) => clientClassNames(code, clientResults);
export type { ClientLine } from './lines.ts';
