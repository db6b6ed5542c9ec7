// node-postgres and postgres.js, run in this process: each case on one shared connection, then the
// page's snippet as an async function with the reader's names bound.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import postgres from 'postgres';
import type { ClientOutcome } from '../../../src/lib/drivers/results.ts';
import type { ClientCase } from './cases.ts';
import { firstLine, type Conn } from './process.ts';

const HERE = import.meta.dirname;

/** A node client's error: its SQLSTATE where the server sent one, else the client's own code (ECONNREFUSED ...). */
function raisedByNode(e: Error & { code?: string }, module: string): NonNullable<ClientOutcome['raised']> {
  const isSqlstate = /^[0-9A-Z]{5}$/.test(e.code ?? '');
  return {
    class: e.constructor.name, module, sqlstate: isSqlstate ? e.code! : null, message: firstLine(e.message), specific: false,
    ...(!isSqlstate && e.code ? { clientCode: e.code } : {}),
  };
}

async function runSnippet(source: string, names: Record<string, unknown>): Promise<ClientOutcome['snippet']> {
  const printed: string[] = [];
  const console = { log: (...parts: unknown[]) => printed.push(parts.join(' ')) };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
  try {
    await new AsyncFunction(...Object.keys(names), 'console', source)(...Object.values(names), console);
    return { caught: true, printed: printed.join('\n') };
  } catch (error) {
    const e = error as Error & { code?: string };
    return { caught: false, escaped: `${e.constructor.name}${e.code ? ` ${e.code}` : ''}: ${firstLine(e.message)}` };
  }
}

// Read from the installed packages (postgres.js does not export its package.json).
const packageVersion = (name: string) =>
  (JSON.parse(readFileSync(join(HERE, '..', '..', '..', 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
const PG_VERSION = packageVersion('pg');
const POSTGRES_VERSION = packageVersion('postgres');

export async function nodePostgres(conn: Conn, cases: ClientCase[], snippets: boolean): Promise<ClientOutcome[]> {
  const out: ClientOutcome[] = [];
  const connect = async (info: Conn) => {
    const client = new pg.Client({
      host: info.host, port: info.port, user: info.user, password: info.password, database: info.dbname,
      connectionTimeoutMillis: (info.connect_timeout ?? 20) * 1000,
      // libpq's sslmode=require: SSL, without checking the certificate.
      ...(info.sslmode === 'require' ? { ssl: { rejectUnauthorized: false } } : {}),
    });
    let ended = false;
    client.on('error', () => {}); // a terminated backend also arrives here; the query's rejection is what we record
    client.on('end', () => (ended = true));
    await client.connect();
    return { client, isEnded: () => ended };
  };
  // One connection for all cases, opened again after a case ended it.
  let shared: Awaited<ReturnType<typeof connect>> | undefined;
  const session = async () => (shared && !shared.isEnded() ? shared : (shared = await connect(conn))).client;
  const finish = async () => { if (shared && !shared.isEnded()) await shared.client.query('RESET ALL').catch(() => {}); };
  for (const c of cases) {
    const outcome: ClientOutcome = { id: c.id, client: 'node-postgres', version: PG_VERSION, attribute: 'code', raised: null };
    try {
      if (c.conn) await (await connect({ ...conn, ...c.conn })).client.end();
      else {
        const client = await session();
        for (const s of c.statements) await client.query(s);
      }
    } catch (error) {
      outcome.raised = raisedByNode(error as Error & { code?: string }, 'pg');
    }
    await finish();
    if (snippets && c.snippet) {
      const client = await session();
      for (const s of c.statements.slice(0, -1)) await client.query(s);
      outcome.snippet = await runSnippet(c.snippet, { client, sql: c.statements.at(-1) });
      await finish();
    }
    out.push(outcome);
  }
  await shared?.client.end().catch(() => {});
  return out;
}

export async function postgresJs(conn: Conn, cases: ClientCase[], snippets: boolean): Promise<ClientOutcome[]> {
  const out: ClientOutcome[] = [];
  const connect = (info: Conn) => postgres({
    host: info.host, port: info.port, user: info.user, pass: info.password, database: info.dbname, max: 1, onnotice: () => {},
    connect_timeout: info.connect_timeout ?? 20, ...(info.sslmode ? { ssl: info.sslmode } : {}),
  });
  // postgres.js opens a new connection by itself when a case ended the last one.
  const sql = connect(conn);
  const finish = () => sql.unsafe('RESET ALL').catch(() => {});
  for (const c of cases) {
    const outcome: ClientOutcome = { id: c.id, client: 'postgres.js', version: POSTGRES_VERSION, attribute: 'code', raised: null };
    const other = c.conn ? connect({ ...conn, ...c.conn }) : undefined;
    try {
      if (other) await other.unsafe('SELECT 1');
      for (const s of c.statements) await sql.unsafe(s);
    } catch (error) {
      outcome.raised = raisedByNode(error as Error & { code?: string }, 'postgres');
    } finally {
      await other?.end({ timeout: 1 }).catch(() => {});
    }
    await finish();
    if (snippets && c.snippet) {
      for (const s of c.statements.slice(0, -1)) await sql.unsafe(s);
      outcome.snippet = await runSnippet(c.snippet, { sql, query: c.statements.at(-1), postgres });
      await finish();
    }
    out.push(outcome);
  }
  await sql.end({ timeout: 1 }).catch(() => {});
  return out;
}
