// What real clients raised for each code (content/verification/clients.json, written by
// `npm run verify`): runs on each major collapse into one record per distinct outcome, and each
// record says whether the snippet the page shows for it caught the error as the page says.
import type { ReachedBy } from './situations.ts';
import { expectedPrint, type RaisedClass, type SnippetClient } from './snippets.ts';

export const CLIENT_RESULTS_FILE = 'content/verification/clients.json';

/** One client's outcome for one code on one major, as the probes report it. */
export interface ClientOutcome {
  id: string;
  client: SnippetClient;
  version: string;
  attribute?: string;
  raised: (RaisedClass & { message: string }) | null;
  snippet?: { caught: boolean; printed?: string; escaped?: string };
  error?: string;
}

/** The same outcome on the majors listed. */
export interface ClientRecord {
  majors: number[];
  attribute?: string;
  raised: (RaisedClass & { message?: string }) | null;
  /** The page's snippet ran and did what the page says (null: no snippet for this case). */
  snippetWorks: boolean | null;
}

export interface ClientResults {
  clients: Partial<Record<SnippetClient, string>>;
  servers: Record<string, string>;
  codes: Record<string, { how: ReachedBy; clients: Partial<Record<SnippetClient, ClientRecord[]>> }>;
}

/** Whether the snippet shown for this outcome did what the page says it does. */
export function snippetWorks(code: string, o: ClientOutcome): boolean | null {
  if (!o.raised) return null;
  // psql's verbose error line carries the code, unless the client never got one.
  if (o.client === 'psql') return o.snippet ? o.raised.sqlstate === code : null;
  if (!o.snippet) return null;
  if (!o.snippet.caught) return false;
  // Without a SQLSTATE ruby-pg's snippet prints the message, which varies; catching is the claim.
  if ((o.client === 'ruby-pg' || o.client === 'activerecord') && o.raised.sqlstate !== code) return true;
  return o.snippet.printed === expectedPrint(o.client, code, o.raised);
}

/** Problems to fail the run on: a client that raised nothing, a snippet that would mislead. */
export function outcomeProblems(how: Record<string, string>, outcomes: { major: number; outcome: ClientOutcome }[]): string[] {
  const problems: string[] = [];
  for (const { major, outcome: o } of outcomes) {
    const where = `${o.id} with ${o.client} on ${major}`;
    if (o.error) problems.push(`${where}: ${o.error}`);
    else if (!o.raised) problems.push(`${where}: the client raised nothing (${how[o.id]} case)`);
    else if (snippetWorks(o.id, o) === false) {
      problems.push(`${where}: the page's snippet did not work (${o.snippet?.escaped ? `escaped: ${o.snippet.escaped}` : `printed "${o.snippet?.printed ?? ''}"`})`);
    }
  }
  return problems;
}

/** Collapses per-major outcomes into the committed shape. */
export function collapse(
  how: Record<string, ReachedBy>,
  outcomes: { major: number; outcome: ClientOutcome }[],
  servers: Record<string, string>,
): ClientResults {
  const results: ClientResults = { clients: {}, servers, codes: {} };
  for (const { major, outcome: o } of outcomes) {
    results.clients[o.client] = o.version;
    const entry = (results.codes[o.id] ??= { how: how[o.id], clients: {} });
    const raised = o.raised
      ? { ...o.raised, message: how[o.id] === 'raise' ? undefined : o.raised.message }
      : null;
    const record: Omit<ClientRecord, 'majors'> = { attribute: o.attribute, raised, snippetWorks: snippetWorks(o.id, o) };
    const list = (entry.clients[o.client] ??= []);
    const same = list.find((r) => JSON.stringify({ ...r, majors: undefined }) === JSON.stringify({ ...record, majors: undefined }));
    if (same) same.majors = [...same.majors, major].sort((a, b) => a - b);
    else list.push({ majors: [major], ...record });
  }
  // Majors finish in any order; the committed file must not depend on it.
  for (const entry of Object.values(results.codes)) {
    for (const list of Object.values(entry.clients)) list.sort((a, b) => a.majors[0] - b.majors[0]);
  }
  return results;
}

/** One client a line, so that a change to one client's outcome is a one-line diff. */
export function serialiseClientResults(r: ClientResults): string {
  const codes = Object.keys(r.codes).sort().map((code) => {
    const { how, clients } = r.codes[code];
    const lines = Object.entries(clients).map(([client, records]) => `   ${JSON.stringify(client)}: ${JSON.stringify(records)}`);
    return `  ${JSON.stringify(code)}: {"how": ${JSON.stringify(how)}, "clients": {\n${lines.join(',\n')}\n  }}`;
  });
  return `{\n "clients": ${JSON.stringify(r.clients)},\n "servers": ${JSON.stringify(r.servers)},\n "codes": {\n${codes.join(',\n')}\n }\n}\n`;
}

// Messages of a lost connection vary with timing ("read" or "write" CONNECTION_CLOSED): what a
// reader's code depends on, class, code and snippet, is compared; the message is not.
const withoutMessages = (records: ClientRecord[] | undefined) =>
  JSON.stringify(records?.map((r) => ({ ...r, raised: r.raised && { ...r.raised, message: undefined } })));

/** Differences between committed and fresh results, one line each. */
export function compareClientResults(committed: ClientResults, fresh: ClientResults): string[] {
  const out: string[] = [];
  if (JSON.stringify(committed.clients) !== JSON.stringify(fresh.clients)) {
    out.push(`client versions: committed ${JSON.stringify(committed.clients)}, now ${JSON.stringify(fresh.clients)}`);
  }
  for (const code of new Set([...Object.keys(committed.codes), ...Object.keys(fresh.codes)])) {
    const a = committed.codes[code];
    const b = fresh.codes[code];
    if (!a || !b) {
      out.push(`${code}: ${a ? 'no longer probed' : 'not in the committed client results'}`);
      continue;
    }
    for (const client of new Set([...Object.keys(a.clients), ...Object.keys(b.clients)]) as Set<SnippetClient>) {
      if (withoutMessages(a.clients[client]) !== withoutMessages(b.clients[client])) out.push(`${code} with ${client}: the client's outcome changed`);
    }
  }
  return out;
}
