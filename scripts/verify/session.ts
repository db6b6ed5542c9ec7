// One named connection of a case, recording every message the server sends it that carries a
// SQLSTATE: errors of its statements, errors that arrive while it is idle (a FATAL from
// pg_terminate_backend or an idle timeout comes as the client's 'error' event), and notices with a
// code other than 00000 (warnings are how class 01 codes arrive).
import pg from 'pg';
import { SQLSTATE_RE } from '../../src/lib/sqlstate.ts';
import type { Received } from '../../src/lib/verification.ts';
import type { Instance } from './server.ts';
import { splitStatements } from './split-sql.ts';

export interface ConnectAs {
  user?: string;
  password?: string;
  database: string;
}

interface PgMessage {
  code?: string;
  severity?: string;
  message: string;
}

export class Session {
  readonly name: string;
  readonly client: pg.Client;
  /** Errors that came from the client library, not the server (no SQLSTATE): for diagnostics. */
  readonly clientErrors: string[] = [];
  recording = true;
  ended = false;
  private readonly received: Received[];
  private readonly normalise: (text: string) => string;

  constructor(name: string, instance: Instance, as: ConnectAs, received: Received[]) {
    this.name = name;
    this.received = received;
    // Paths of the throwaway data folder change every run; the committed results must not.
    this.normalise = (text) => text.replaceAll(instance.socketDir, '$PGROOT');
    this.client = new pg.Client({
      host: '127.0.0.1',
      port: instance.port,
      user: as.user ?? 'postgres',
      // No password given: the superuser's own for "postgres", else an empty one.
      password: as.password ?? (as.user === undefined || as.user === 'postgres' ? instance.password : ''),
      database: as.database,
      application_name: name,
      ssl: false,
      connectionTimeoutMillis: 10_000,
    });
    this.client.on('error', (error) => this.record(error));
    this.client.on('notice', (notice) => {
      if (notice.code && notice.code !== '00000') this.record({ ...notice, message: notice.message ?? '' });
    });
    this.client.on('end', () => (this.ended = true));
  }

  /** Records a message; `onlyFatal` while the runner flushes, so its own probe adds nothing. */
  record(message: PgMessage, onlyFatal = false): void {
    if (!this.recording) return;
    // Socket errors carry Node's codes (ECONNRESET, EPIPE); only the server's messages have a severity.
    if (!message.code || !message.severity || !SQLSTATE_RE.test(message.code)) {
      this.clientErrors.push(`${this.name}: ${message.message}`);
      return;
    }
    if (onlyFatal && !/^(FATAL|PANIC)$/.test(message.severity)) return;
    this.received.push({
      session: this.name,
      sqlstate: message.code,
      severity: message.severity,
      message: this.normalise(message.message),
    });
  }

  /** Connects; a refused connection (28P01, 3D000, 53300, ...) is recorded. True if connected. */
  async connect(): Promise<boolean> {
    try {
      await this.client.connect();
      return true;
    } catch (error) {
      this.record(error as PgMessage);
      this.ended = true;
      return false;
    }
  }

  /** Runs each statement in turn, as psql would, recording errors and going on after them. */
  async run(sql: string): Promise<void> {
    for (const statement of splitStatements(sql)) {
      if (this.ended) {
        this.clientErrors.push(`${this.name}: not run, the connection had closed: ${statement}`);
        continue;
      }
      await this.client.query(statement).catch((error: PgMessage) => this.record(error));
    }
  }

  /**
   * A round trip at the end of the case, so a FATAL the server sent after the last step (the
   * victim of a pg_terminate_backend) is read before the connection is closed.
   */
  async flush(): Promise<void> {
    if (this.ended) return;
    await this.client.query('SELECT 1').catch((error: PgMessage) => this.record(error, true));
  }

  async close(): Promise<void> {
    this.recording = false;
    if (!this.ended) await this.client.end().catch(() => undefined);
    this.ended = true;
  }
}

/** The runner's own connection over its Unix socket: setup, polling, cleanup. */
export async function controlClient(instance: Instance, database = 'postgres'): Promise<pg.Client> {
  const client = new pg.Client({
    host: instance.socketDir,
    port: instance.port,
    user: 'postgres',
    database,
    application_name: 'verify_runner',
    ssl: false,
  });
  client.on('error', () => undefined); // a case may end all sessions; the runner reconnects
  await client.connect();
  return client;
}

/** The backend's process ID: node-postgres keeps it on the client but leaves it out of its types. */
export const backendPid = (client: pg.Client): number => (client as unknown as { processID: number }).processID;
