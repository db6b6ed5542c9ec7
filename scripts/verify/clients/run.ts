// Runs the client cases through every real client against one server and collects what each
// raised: the Python and Ruby clients as child processes (probe.py, probe.rb), pgjdbc as a
// generated Java class (jdbc.ts), node-postgres and postgres.js in this process (node.ts), psql
// as scripts (psql.ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import pg from 'pg';
import { join } from 'node:path';
import type { ClientOutcome } from '../../../src/lib/drivers/results.ts';
import { endsServer } from '../../../src/lib/drivers/situations.ts';
import { snippetFor, type SnippetClient } from '../../../src/lib/drivers/snippets.ts';
import type { ClientCase } from './cases.ts';
import { JDBC_JAR, jdbc } from './jdbc.ts';
import { nodePostgres, postgresJs } from './node.ts';
import { childProbe, type Conn } from './process.ts';
import { psql } from './psql.ts';

export type { Conn } from './process.ts';

const HERE = import.meta.dirname;
export const PYTHON = '/usr/bin/python3';

/** Debian packages the clients come from, for the message when one is missing. */
export const CLIENT_PACKAGES = 'postgresql-client python3-psycopg python3-psycopg2 python3-asyncpg python3-sqlalchemy python3-django ruby-pg ruby-activerecord libpostgresql-jdbc-java default-jdk-headless';

/** Which client programs are missing on this machine, each with what provides it. */
export function missingClients(): string[] {
  const missing: string[] = [];
  const has = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
  if (!has('psql', ['--version'])) missing.push('psql (postgresql-client)');
  for (const [mod, pkg] of [['psycopg', 'python3-psycopg'], ['psycopg2', 'python3-psycopg2'], ['asyncpg', 'python3-asyncpg'], ['sqlalchemy', 'python3-sqlalchemy'], ['django', 'python3-django']]) {
    if (!has(PYTHON, ['-c', `import ${mod}`])) missing.push(`${mod} for ${PYTHON} (${pkg})`);
  }
  if (!has('ruby', ['-e', 'require "pg"'])) missing.push('ruby-pg (ruby-pg)');
  if (!has('ruby', ['-e', 'require "active_record"'])) missing.push('ActiveRecord (ruby-activerecord)');
  if (!existsSync(JDBC_JAR)) missing.push(`pgjdbc ${JDBC_JAR} (libpostgresql-jdbc-java)`);
  if (!has('javac', ['-version'])) missing.push('javac (default-jdk-headless)');
  return missing;
}

const withSnippet = (client: SnippetClient, cases: ClientCase[], first: Map<string, ClientOutcome>) =>
  cases.map((c) => {
    const raised = first.get(c.id)?.raised;
    // Connect cases have no statement for a snippet to wrap; a case the client did not raise on has none to show.
    return c.how === 'connect' || endsServer(c.how) || !raised ? c : { ...c, snippet: snippetFor(client, c.code, raised).code };
  });

const python = (client: 'psycopg' | 'psycopg2' | 'asyncpg' | 'sqlalchemy' | 'django') => (conn: Conn, cases: ClientCase[]) =>
  childProbe(client, PYTHON, [join(HERE, 'probe.py')], conn, cases);
const ruby = (client: 'ruby-pg' | 'activerecord') => (conn: Conn, cases: ClientCase[]) => childProbe(client, 'ruby', [join(HERE, 'probe.rb')], conn, cases);

type Probe = (conn: Conn, cases: ClientCase[]) => ClientOutcome[] | Promise<ClientOutcome[]>;
const PROBES: [SnippetClient, Probe, boolean][] = [
  ['psycopg', python('psycopg'), true],
  ['psycopg2', python('psycopg2'), true],
  ['asyncpg', python('asyncpg'), true],
  ['ruby-pg', ruby('ruby-pg'), true],
  ['sqlalchemy', python('sqlalchemy'), true],
  ['django', python('django'), true],
  ['activerecord', ruby('activerecord'), true],
  ['pgjdbc', jdbc, true],
  ['node-postgres', (c, k) => nodePostgres(c, k, true), true],
  ['postgres.js', (c, k) => postgresJs(c, k, true), true],
  ['psql', psql, false],
];

/**
 * Every client on one server: first to learn what each raises, then again with the snippet built
 * from that, so the snippet shown is the snippet run. psql needs no first pass: its two lines
 * are the same for every code.
 */
export async function runClients(conn: Conn, allCases: ClientCase[]): Promise<ClientOutcome[]> {
  const silent = await silentListener(conn.host);
  try {
    return await runAll(conn, allCases.filter((c) => !endsServer(c.how)).map((c) => (c.conn?.silent ? { ...c, conn: { ...without(c.conn, 'silent'), port: silent.port } } : c)), [conn.port, silent.port]);
  } finally {
    silent.close();
  }
}

const without = <T extends object, K extends keyof T>(o: T, key: K): Omit<T, K> => {
  const { [key]: _, ...rest } = o;
  return rest;
};

/** A TCP port that accepts connections and never sends a byte: a server that hangs. */
async function silentListener(host: string): Promise<{ port: number; close: () => void }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket.on('error', () => {})));
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as { port: number };
  return { port, close: () => { for (const s of sockets) s.destroy(); server.close(); } };
}

/**
 * The cases that end the server's sessions, on a server of their own, one case at a time: every
 * client waits in the case's statement at the same time, then backends are killed with SIGKILL.
 * crash: one more session's backend is killed, and the postmaster ends all the others, each with a
 * WARNING. killed: the clients' own backends are killed while the postmaster (`postmasterPid`) is
 * stopped, so that it cannot warn any of them first. One pass: a lost connection has no snippet to run.
 */
export async function runCrashClients(conn: Conn, postmasterPid: number, allCases: ClientCase[]): Promise<ClientOutcome[]> {
  const out: ClientOutcome[] = [];
  for (const c of allCases.filter((k) => endsServer(k.how))) {
    await untilAccepting(conn);
    const [outcomes] = await Promise.all([
      runAll(conn, [c], [conn.port], false),
      killWhenAllWait(conn, PROBES.length, c.statements.at(-1)!, c.how === 'killed' ? postmasterPid : undefined),
    ]);
    out.push(...outcomes);
  }
  return out;
}

/** Waits until every client is in `statement`, then kills: its own backend, or (`postmasterPid`) theirs. */
async function killWhenAllWait(conn: Conn, clients: number, statement: string, postmasterPid?: number) {
  const control = new pg.Client({ host: conn.host, port: conn.port, user: conn.user, password: conn.password, database: conn.dbname });
  control.on('error', () => {});
  await control.connect();
  const deadline = Date.now() + 60_000;
  let waiting: number[];
  for (;;) {
    const { rows } = await control.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()', [`${statement}%`]);
    waiting = rows.map((r) => r.pid);
    if (waiting.length >= clients) break;
    if (Date.now() > deadline) throw new Error(`only ${waiting.length} of ${clients} clients were waiting in "${statement}"`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (postmasterPid === undefined) {
    // This session's own backend is killed by the shell COPY starts; its connection is lost too.
    await control.query("COPY (SELECT 1) TO PROGRAM 'kill -9 $PPID'").catch(() => {});
  } else {
    // A stopped postmaster cannot reap the first death and SIGQUIT the rest before they die too.
    process.kill(postmasterPid, 'SIGSTOP');
    try {
      for (const pid of waiting) process.kill(pid, 'SIGKILL');
    } finally {
      process.kill(postmasterPid, 'SIGCONT');
    }
  }
  await control.end().catch(() => {});
}

/** Waits until the server takes connections again (after a crash, recovery runs first). */
async function untilAccepting(conn: Conn) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const client = new pg.Client({ host: conn.host, port: conn.port, user: conn.user, password: conn.password, database: conn.dbname });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function runAll(conn: Conn, cases: ClientCase[], ports: number[], snippets = true): Promise<ClientOutcome[]> {
  const perClient = await Promise.all(PROBES.map(async ([client, probe, twoPasses]) => {
    let current = cases;
    if (twoPasses && snippets) {
      const first = new Map((await probe(conn, cases)).map((o) => [o.id, o]));
      current = withSnippet(client, cases, first);
    }
    return probe(conn, current);
  }));
  // The throwaway server's port (and the silent one's) changes every run; the committed messages must not.
  const port = new RegExp(`\\b(?:${ports.join('|')})\\b`, 'g');
  return perClient.flat().map((o) => (o.raised ? { ...o, raised: { ...o.raised, message: o.raised.message.replace(port, '5432') } } : o));
}
