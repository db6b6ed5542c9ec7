// What each client is asked to do for a code. Where a statement can make the server raise the code
// the way it really happens (a backend terminated mid-query, a statement timeout, a wrong password,
// an unknown database, a refused connection), the client runs that; every other code is sent by PL/pgSQL's
// RAISE ... USING ERRCODE, which delivers the same ErrorResponse a real error would, so the client
// maps it exactly as it maps the real one. Success and warning codes (classes 00, 01, 02) arrive as
// notices, never as errors, and are not probed here.
import type { ReachedBy } from '../../../src/lib/drivers/situations.ts';

/**
 * Connection settings that differ from the working ones. The two libpq names are given to each
 * client as its own setting (run.ts and the probes); `silent` is a port that accepts TCP and then
 * never answers, started by run.ts for the connect-timeout case.
 */
export interface ConnOverride {
  password?: string; dbname?: string; port?: number; host?: string; user?: string;
  connect_timeout?: number; sslmode?: 'require'; silent?: true;
}

export interface ClientCase {
  id: string;
  code: string;
  /** How the client meets the code (src/lib/drivers/situations.ts); crash and killed run in run.ts. */
  how: ReachedBy;
  /** Connection settings that differ from the working ones (a connect case). */
  conn?: ConnOverride;
  statements: string[];
  snippet?: string;
}

const REAL: Record<string, string[]> = {
  '57P01': ['SELECT pg_terminate_backend(pg_backend_pid())'],
  '57014': ["SET statement_timeout = '50ms'", 'SELECT pg_sleep(5)'],
  '22012': ['SELECT 1 / 0'],
  '42P01': ['SELECT * FROM no_such_table'],
  '42601': ['SELEC 1'],
};

// The statement a client waits in while a backend is killed (crash and killed cases).
const WAIT = ['SELECT pg_sleep(30)'];

// Another backend is killed with SIGKILL while the client waits in this statement: the postmaster
// ends every session, each with a WARNING 57P02 just before its connection closes.
const CRASH: Record<string, string[]> = {
  '57P02': WAIT,
};

const CONNECT: Record<string, ClientCase['conn']> = {
  // Not the database named like the user: ActiveRecord 6.1 calls any connection error that
  // names the database NoDatabaseError, and the user here is postgres.
  '28P01': { password: 'not-the-password', dbname: 'template1' },
  '3D000': { dbname: 'no_such_database' },
  // Nothing listens on port 1 of the loopback: the client's own "connection refused".
  '08001': { port: 1 },
  // A server that takes this user only over SSL (SSL_ONLY_HBA), and a client that connects without.
  '28000': { user: 'ssl_only' },
};

// Other ways to meet a code, each a case of its own (src/lib/drivers/situations.ts).
const MORE: Omit<ClientCase, 'statements'>[] = [
  // A .invalid name never resolves (RFC 6761): every client fails at the name lookup.
  { id: '08001:unknown-host', code: '08001', how: 'connect', conn: { host: 'no-such-host.invalid' } },
  // A listener that takes the TCP connection and never answers (a hung server, a pooler or proxy
  // with nothing behind it): only the client's own connect timeout ends the wait, here 2 s (libpq's
  // smallest).
  { id: '08001:connect-timeout', code: '08001', how: 'connect', conn: { silent: true, connect_timeout: 2 } },
  // The client insists on SSL and the server has none (ssl = off, as on the test servers).
  { id: '08001:ssl-required', code: '08001', how: 'connect', conn: { sslmode: 'require' } },
  // The client's own backend is killed with SIGKILL while it waits (run.ts): the connection
  // closes with nothing sent, as after the OOM killer. 08006 is the code some clients give it.
  { id: '08006:backend-killed', code: '08006', how: 'killed' },
];

/**
 * pg_hba.conf lines of the server the clients run against: the user of the 28000 case may connect
 * only over SSL, so a connection without it is rejected as a server requiring SSL rejects it.
 */
export const CLIENT_HBA = ['hostnossl all ssl_only 127.0.0.1/32 reject'];

export const isNoticeCode = (code: string) => /^0[012]/.test(code);

export function clientCases(codes: string[]): ClientCase[] {
  const cases = codes.filter((code) => !isNoticeCode(code)).map((code): ClientCase => {
    if (CONNECT[code]) return { id: code, code, how: 'connect', conn: CONNECT[code], statements: [] };
    if (CRASH[code]) return { id: code, code, how: 'crash', statements: CRASH[code] };
    if (REAL[code]) return { id: code, code, how: 'real', statements: REAL[code] };
    return { id: code, code, how: 'raise', statements: [`DO $$ BEGIN RAISE EXCEPTION 'probe' USING ERRCODE = '${code}'; END $$`] };
  });
  const more = MORE.filter((m) => codes.includes(m.code)).map((m): ClientCase => ({ ...m, statements: m.how === 'killed' ? WAIT : [] }));
  return [...cases, ...more];
}
