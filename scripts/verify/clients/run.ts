// Runs the client cases through every real client against one server and collects what each
// raised. Python and Ruby clients and pgjdbc run as child processes (probe.py, probe.rb, a
// generated Java class); node-postgres and postgres.js run in this process; psql runs one script.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import postgres from 'postgres';
import type { ClientOutcome } from '../../../src/lib/drivers/results.ts';
import { snippetFor, type SnippetClient } from '../../../src/lib/drivers/snippets.ts';
import type { ClientCase } from './cases.ts';

export interface Conn { host: string; port: number; user: string; password: string; dbname: string }

const HERE = import.meta.dirname;
export const PYTHON = '/usr/bin/python3';
const JDBC_JAR = '/usr/share/java/postgresql.jar';

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
    return c.how === 'connect' || !raised ? c : { ...c, snippet: snippetFor(client, c.code, raised).code };
  });

function parseLines(client: SnippetClient, stdout: string): ClientOutcome[] {
  return stdout.split('\n').filter(Boolean).map((line) => ({ client, ...JSON.parse(line) }));
}

/**
 * A child process that does not block this process: the node clients run here at the same time,
 * and a blocked event loop made their connection attempts time out.
 */
function exec(cmd: string, args: string[], input = '', env?: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], env: env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

async function childProbe(client: SnippetClient, cmd: string, args: string[], conn: Conn, cases: ClientCase[]): Promise<ClientOutcome[]> {
  const run = await exec(cmd, args, JSON.stringify({ client, conn, cases }));
  if (run.status !== 0) throw new Error(`${client} probe failed (${cmd} exit ${run.status}): ${run.stderr.slice(-2000)}`);
  return parseLines(client, run.stdout);
}

const python = (client: 'psycopg' | 'psycopg2' | 'asyncpg' | 'sqlalchemy' | 'django') => (conn: Conn, cases: ClientCase[]) =>
  childProbe(client, PYTHON, [join(HERE, 'probe.py')], conn, cases);
const ruby = (client: 'ruby-pg' | 'activerecord') => (conn: Conn, cases: ClientCase[]) => childProbe(client, 'ruby', [join(HERE, 'probe.rb')], conn, cases);

/** Messages the server sends as text only are kept to their first line. */
const firstLine = (text: string) => text.trim().split('\n')[0];

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

async function nodePostgres(conn: Conn, cases: ClientCase[], snippets: boolean): Promise<ClientOutcome[]> {
  const out: ClientOutcome[] = [];
  const connect = async (info: Conn) => {
    const client = new pg.Client({ host: info.host, port: info.port, user: info.user, password: info.password, database: info.dbname, connectionTimeoutMillis: 20_000 });
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

async function postgresJs(conn: Conn, cases: ClientCase[], snippets: boolean): Promise<ClientOutcome[]> {
  const out: ClientOutcome[] = [];
  const connect = (info: Conn) => postgres({ host: info.host, port: info.port, user: info.user, pass: info.password, database: info.dbname, max: 1, onnotice: () => {}, connect_timeout: 20 });
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

const javaString = (s: string) => JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** One generated class: a method per case holding the page's snippet verbatim, compiled by javac. */
async function jdbc(conn: Conn, cases: ClientCase[]): Promise<ClientOutcome[]> {
  const dir = mkdtempSync(join(tmpdir(), 'jdbc-probe-'));
  try {
    const url = (c: ClientCase) => javaString(`jdbc:postgresql://${c.conn?.host ?? conn.host}:${c.conn?.port ?? conn.port}/${c.conn?.dbname ?? conn.dbname}?connectTimeout=5`);
    const methods = cases.map((c, i) => `
  static void case${i}() {
    String id = ${javaString(c.id)};
    String[] statements = {${c.statements.map(javaString).join(', ')}};
    StringBuilder out = new StringBuilder("{\\"id\\":" + q(id) + ",\\"client\\":\\"pgjdbc\\",\\"version\\":" + q(org.postgresql.Driver.class.getPackage().getImplementationVersion()) + ",\\"attribute\\":\\"getSQLState()\\"");
    try {
      ${c.conn ? `DriverManager.getConnection(${url(c)}, ${javaString(conn.user)}, ${javaString(c.conn?.password ?? conn.password)}).close();` : 'try (Statement st = session().createStatement()) { for (String s : statements) st.execute(s); }'}
      out.append(",\\"raised\\":null");
    } catch (SQLException e) {
      out.append(",\\"raised\\":{\\"class\\":" + q(e.getClass().getSimpleName()) + ",\\"module\\":" + q(e.getClass().getPackageName()) + ",\\"sqlstate\\":" + q(e.getSQLState()) + ",\\"message\\":" + q(String.valueOf(e.getMessage()).split("\\n")[0]) + ",\\"specific\\":false}");
    }
    finish();
    ${c.snippet ? `try {
      Connection conn = session();
      try (Statement setup = conn.createStatement()) { for (int k = 0; k < statements.length - 1; k++) setup.execute(statements[k]); }
      String sql = statements[statements.length - 1];
      java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
      java.io.PrintStream saved = System.out;
      System.setOut(new java.io.PrintStream(printed));
      try {
        snippet${i}(conn, sql);
        System.setOut(saved);
        out.append(",\\"snippet\\":{\\"caught\\":true,\\"printed\\":" + q(printed.toString().trim()) + "}");
      } catch (Exception escaped) {
        System.setOut(saved);
        out.append(",\\"snippet\\":{\\"caught\\":false,\\"escaped\\":" + q(escaped.getClass().getName()) + "}");
      }
    } catch (SQLException e) {
      out.append(",\\"error\\":" + q("snippet setup: " + e.getMessage()));
    }
    finish();` : ''}
    System.out.println(out.append("}"));
  }
${c.snippet ? `  static void snippet${i}(Connection conn, String sql) throws SQLException {\n${c.snippet.split('\n').map((l) => '    ' + l).join('\n')}\n  }` : ''}`);
    const source = `import java.sql.*;
public class ClientProbe {
  static String q(String s) {
    if (s == null) return "null";
    StringBuilder b = new StringBuilder("\\"");
    for (char ch : s.toCharArray()) {
      if (ch == '"' || ch == '\\\\') b.append('\\\\').append(ch);
      else if (ch < 0x20) b.append(String.format("\\\\u%04x", (int) ch));
      else b.append(ch);
    }
    return b.append('"').toString();
  }
  // One connection for all cases, opened again after a case ended it.
  static Connection shared;
  static Connection session() throws SQLException {
    if (shared == null || shared.isClosed()) shared = DriverManager.getConnection(${url({ id: '', code: '', how: 'raise', statements: [] })}, ${javaString(conn.user)}, ${javaString(conn.password)});
    return shared;
  }
  static void finish() {
    try { if (shared != null && !shared.isClosed()) try (Statement st = shared.createStatement()) { st.execute("RESET ALL"); } } catch (SQLException e) { shared = null; }
  }
${methods.join('\n')}
  public static void main(String[] args) {
${cases.map((_, i) => `    case${i}();`).join('\n')}
  }
}
`;
    writeFileSync(join(dir, 'ClientProbe.java'), source);
    const compiled = await exec('javac', ['-encoding', 'UTF-8', '-cp', JDBC_JAR, '-d', dir, join(dir, 'ClientProbe.java')]);
    if (compiled.status !== 0) throw new Error(`javac rejected the pgjdbc snippets: ${compiled.stderr.slice(-2000)}`);
    const run = await exec('java', ['-cp', `${JDBC_JAR}:${dir}`, 'ClientProbe']);
    if (run.status !== 0) throw new Error(`pgjdbc probe failed: ${run.stderr.slice(-2000)}`);
    return parseLines('pgjdbc', run.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** psql, one script for all statement cases: the page's two lines around each failing statement. */
async function psql(conn: Conn, cases: ClientCase[]): Promise<ClientOutcome[]> {
  const version = /(\d+\.\d+)/.exec((await exec('psql', ['--version'])).stdout)?.[1] ?? '?';
  const [setLine, echoLine] = snippetFor('psql', '', null).code.split('\n');
  const runnable = cases.filter((c) => c.how !== 'connect');
  // A script psql reads ends when the server closes the connection (57P01 and the like), so the
  // cases after the one that ended it go into a fresh psql.
  const blocks = new Map<string, string[]>();
  let rest = runnable;
  while (rest.length) {
    const script = [setLine, ...rest.flatMap((c) => [`\\echo @@case ${c.id}`, ...c.statements.map((s) => `${s};`), echoLine, 'RESET ALL;'])].join('\n');
    // stderr into stdout, so that each error lands inside its case's block
    const run = await exec('sh', ['-c', 'exec psql -X -h "$0" -p "$1" -U "$2" -d "$3" 2>&1', conn.host, String(conn.port), conn.user, conn.dbname],
      script, { ...process.env, PGPASSWORD: conn.password, PGCONNECT_TIMEOUT: '5' });
    let current: string[] | undefined;
    let last = -1;
    for (const line of run.stdout.split('\n')) {
      const start = /^@@case (\S+)$/.exec(line);
      if (start) {
        blocks.set(start[1], (current = []));
        last = rest.findIndex((c) => c.id === start[1]);
      } else current?.push(line);
    }
    if (last < 0) throw new Error(`psql ran none of its cases: ${run.stdout.slice(0, 500)}`);
    rest = rest.slice(last + 1);
  }
  return Promise.all(cases.map(async (c): Promise<ClientOutcome> => {
    if (c.how === 'connect') {
      const r = await exec('psql', ['-X', '-h', conn.host, '-p', String(c.conn?.port ?? conn.port), '-U', conn.user, '-d', c.conn?.dbname ?? conn.dbname, '-c', 'SELECT 1'],
        '', { ...process.env, PGPASSWORD: c.conn?.password ?? conn.password, PGCONNECT_TIMEOUT: '5' });
      return { id: c.id, client: 'psql' as const, version, raised: { class: 'psql', module: 'psql', sqlstate: null, message: firstLine(r.stderr), specific: false } };
    }
    const lines = blocks.get(c.id) ?? [];
    const error = lines.map((l) => /^(?:psql:<stdin>:\d+: )?(ERROR|FATAL|PANIC):  ([0-9A-Z]{5}): (.*)$/.exec(l)).find(Boolean);
    const echoed = lines.map((l) => l.trim()).find((l) => /^[0-9A-Z]{5}$/.test(l));
    return {
      id: c.id, client: 'psql' as const, version, attribute: ':LAST_ERROR_SQLSTATE',
      raised: error ? { class: error[1], module: 'psql', sqlstate: error[2], message: `${error[1]}:  ${error[2]}: ${error[3]}`, specific: false } : null,
      snippet: { caught: echoed === c.code, printed: echoed ?? '' },
    };
  }));
}

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
export async function runClients(conn: Conn, cases: ClientCase[]): Promise<ClientOutcome[]> {
  const perClient = await Promise.all(PROBES.map(async ([client, probe, twoPasses]) => {
    let current = cases;
    if (twoPasses) {
      const first = new Map((await probe(conn, cases)).map((o) => [o.id, o]));
      current = withSnippet(client, cases, first);
    }
    return probe(conn, current);
  }));
  // The throwaway server's port changes every run; the committed messages must not.
  const port = new RegExp(`\\b${conn.port}\\b`, 'g');
  return perClient.flat().map((o) => (o.raised ? { ...o, raised: { ...o.raised, message: o.raised.message.replace(port, '5432') } } : o));
}
