// Runs one reproduction on one server and returns what each session received. Every case gets
// its own database (case_<code>); on the shared server the runner drops it, and any roles and
// databases the case created, afterwards. The runner's own connections go over its Unix socket.
import type pg from 'pg';
import type { Checkable, Received } from '../../src/lib/verification.ts';
import type { Instance } from './server.ts';
import { backendPid, controlClient, Session, type ConnectAs } from './session.ts';
import { splitStatements } from './split-sql.ts';

type Runnable = Exclude<Checkable, { kind: 'manual' }>;

/** The session a case's expectation names; a fix check expecting no error names none. */
const expectedSession = (repro: Runnable) => ('session' in repro.expect ? repro.expect.session : 'main');

export interface CaseRun {
  got: Received[];
  /** The runner could not finish the case: setup failed, a step hung, ... */
  error?: string;
  /** Client-side errors (no SQLSTATE), shown when a case fails. */
  clientErrors: string[];
}

/** Longest any statement may take: far above any timeout a case sets, far below forever. */
const STEP_TIMEOUT_MS = 20_000;
/** Longest a `blocks` step may take to show up waiting on a lock. */
const BLOCK_WAIT_MS = 10_000;

class CaseError extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new CaseError(`${what} did not finish within ${ms / 1000} s`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const describe = (error: unknown) => {
  const e = error as { code?: string; message: string };
  return e.code ? `${e.code} ${e.message}` : e.message;
};

/** Runs the setup in its own connection; returns that connection's server process ID. */
async function runSetup(instance: Instance, database: string, setup: string | undefined): Promise<number | undefined> {
  if (!setup) return undefined;
  const client = await controlClient(instance, database);
  try {
    for (const statement of splitStatements(setup)) {
      await client.query(statement).catch((error) => {
        throw new CaseError(`setup failed at "${statement}": ${describe(error)}`);
      });
    }
  } finally {
    await client.end().catch(() => undefined);
  }
  return backendPid(client);
}

/**
 * Waits until these server processes have exited, so the connection slots they held are free
 * again. The servers run on this machine, so signal 0 tells whether a process is still there.
 */
async function untilExited(pids: (number | undefined)[]): Promise<void> {
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as { code?: string }).code === 'EPERM';
    }
  };
  const deadline = Date.now() + BLOCK_WAIT_MS;
  while (pids.some((pid) => pid && alive(pid))) {
    if (Date.now() > deadline) throw new CaseError('the runner\'s own connections did not end');
    await sleep(5);
  }
}

/** Sends a step that will wait on a lock, and returns once the server shows it waiting. */
async function untilBlocked(control: pg.Client, session: Session, done: Promise<unknown>, step: string): Promise<void> {
  let settled = false;
  void done.finally(() => (settled = true));
  const deadline = Date.now() + BLOCK_WAIT_MS;
  while (Date.now() < deadline) {
    const { rows } = await control.query('SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1', [backendPid(session.client)]);
    if (rows[0]?.wait_event_type === 'Lock') return;
    if (settled) throw new CaseError(`${step} is marked \`blocks\` but finished without waiting on a lock`);
    await sleep(5); // a polling interval, not a guess at how long anything takes
  }
  throw new CaseError(`${step} is marked \`blocks\` but did not wait on a lock within ${BLOCK_WAIT_MS / 1000} s`);
}

async function runSessions(repro: Extract<Runnable, { kind: 'sessions' }>, instance: Instance, control: pg.Client, database: string, received: Received[], all: Session[]) {
  const sessions = new Map<string, { session: Session; queue: Promise<unknown>; connected: boolean }>();
  const open = async (name: string) => {
    let s = sessions.get(name);
    if (!s) {
      const session = new Session(name, instance, { database }, received);
      all.push(session);
      s = { session, queue: Promise.resolve(), connected: await session.connect() };
      sessions.set(name, s);
    }
    return s;
  };
  const names = new Set(repro.steps.flatMap((step) => ('session' in step ? [step.session] : [])));
  const expected = expectedSession(repro);
  if ('session' in repro.expect && expected !== 'any' && !names.has(expected)) {
    throw new CaseError(`expect.session is "${expected}", which none of the steps uses (${[...names].join(', ')})`);
  }
  for (const [index, step] of repro.steps.entries()) {
    if ('sleepMs' in step) {
      await sleep(step.sleepMs);
      continue;
    }
    const label = `step ${index + 1} (session ${step.session})`;
    const s = await open(step.session);
    if (!s.connected) continue;
    // A session's statements run in order: a step waits behind that session's blocked one.
    const done = s.queue.then(() => s.session.run(step.sql));
    s.queue = done;
    if (step.blocks) await untilBlocked(control, s.session, done, label);
    else await withTimeout(done, STEP_TIMEOUT_MS, label);
  }
  await withTimeout(Promise.all([...sessions.values()].map((s) => s.queue)), STEP_TIMEOUT_MS, 'the blocked steps');
}

async function runConnect(repro: Extract<Runnable, { kind: 'connect' }>, instance: Instance, database: string, name: string, received: Received[], all: Session[]) {
  const as: ConnectAs = { user: repro.connect.user, password: repro.connect.password, database: repro.connect.database ?? database };
  for (let i = 1; i <= (repro.connect.holdConnections ?? 0); i++) {
    const held: Received[] = [];
    const session = new Session(`hold${i}`, instance, as, held);
    all.push(session);
    if (!(await session.connect())) {
      throw new CaseError(`held connection ${i} was refused: ${held.map((r) => `${r.sqlstate} ${r.message}`).join('; ') || session.clientErrors.join('; ')}`);
    }
  }
  const session = new Session(name, instance, as, received);
  all.push(session);
  if (!(await session.connect())) return;
  for (const [index, step] of (repro.connect.then ?? []).entries()) {
    if ('sleepMs' in step) await sleep(step.sleepMs);
    else await withTimeout(session.run(step.sql), STEP_TIMEOUT_MS, `then[${index}]`);
  }
}

/** Runs the case in a fresh database; `perDatabase` settings are applied with ALTER DATABASE. */
export async function runCase(id: string, repro: Runnable, instance: Instance, perDatabase: Record<string, string>, shared: boolean): Promise<CaseRun> {
  // "23505" gives case_23505, a fix check "23505/fix-2" case_23505_fix_2.
  const database = `case_${id.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
  const received: Received[] = [];
  const sessions: Session[] = [];
  // The single session of sql and connect cases takes the name the expectation gives it.
  const name = expectedSession(repro) === 'any' ? 'main' : expectedSession(repro);
  const control = await controlClient(instance);
  let controlOpen = true;
  const before = shared ? await snapshot(control) : undefined;
  let error: string | undefined;
  try {
    await control.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await control.query(`CREATE DATABASE ${database}`);
    for (const [setting, value] of Object.entries(perDatabase)) {
      await control.query(`ALTER DATABASE ${database} SET ${control.escapeIdentifier(setting)} TO ${control.escapeLiteral(value)}`);
    }
    if (repro.kind === 'sql') {
      // One session runs the setup and then the statement, as the format describes.
      const session = new Session(name, instance, { database }, received);
      sessions.push(session);
      if (await session.connect()) {
        session.recording = false;
        for (const statement of splitStatements(repro.setup ?? '')) {
          await session.client.query(statement).catch((e) => {
            throw new CaseError(`setup failed at "${statement}": ${describe(e)}`);
          });
        }
        session.recording = true;
        await withTimeout(session.run(repro.sql), STEP_TIMEOUT_MS, 'sql');
      }
    } else {
      const setupPid = await runSetup(instance, database, repro.setup);
      if (repro.kind === 'sessions') await runSessions(repro, instance, control, database, received, sessions);
      else {
        // The runner's own connection would take a slot that a case exhausting them counts on:
        // during a connect case only the case's connections are open.
        const controlPid = backendPid(control);
        await control.end();
        controlOpen = false;
        await untilExited([controlPid, setupPid]);
        await runConnect(repro, instance, database, name, received, sessions);
      }
    }
    await Promise.all(sessions.map((s) => s.flush()));
  } catch (e) {
    if (!(e instanceof CaseError)) throw e;
    error = e.message;
    // Stop whatever still runs, without recording what the runner itself causes.
    for (const s of sessions) s.recording = false;
    await control.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]).catch(() => undefined);
  } finally {
    await Promise.all(sessions.map((s) => s.close()));
    if (controlOpen) await control.end().catch(() => undefined);
    if (before) {
      // A fresh connection: the case may have ended the runner's along with its own sessions.
      const cleaner = await controlClient(instance);
      await cleanUp(cleaner, before, database).catch((e) => (error ??= `cleanup failed: ${describe(e)}`));
      await cleaner.end().catch(() => undefined);
    }
  }
  // By session, each in the order received: when two sessions hear at the same moment (a victim
  // and its killer), which message came first is a race the committed file must not record.
  const got = received.map((r, i) => ({ r, i })).sort((x, y) => x.r.session.localeCompare(y.r.session) || x.i - y.i).map((x) => x.r);
  return { got, error, clientErrors: sessions.flatMap((s) => s.clientErrors) };
}

interface Snapshot {
  roles: Set<string>;
  databases: Set<string>;
}

async function snapshot(control: pg.Client): Promise<Snapshot> {
  const roles = await control.query('SELECT rolname FROM pg_roles');
  const databases = await control.query('SELECT datname FROM pg_database');
  return { roles: new Set(roles.rows.map((r) => r.rolname)), databases: new Set(databases.rows.map((r) => r.datname)) };
}

/** Leaves the shared server as the case found it, so the next case starts clean. */
async function cleanUp(control: pg.Client, before: Snapshot, database: string): Promise<void> {
  const after = await snapshot(control);
  const id = (name: string) => control.escapeIdentifier(name);
  for (const db of [database, ...[...after.databases].filter((d) => !before.databases.has(d))]) {
    await control.query(`DROP DATABASE IF EXISTS ${id(db)} WITH (FORCE)`);
  }
  for (const role of [...after.roles].filter((r) => !before.roles.has(r))) {
    await control.query(`DROP OWNED BY ${id(role)}`); // privileges it holds in the postgres database
    await control.query(`DROP ROLE ${id(role)}`);
  }
}
