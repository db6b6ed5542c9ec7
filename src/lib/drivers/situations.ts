// Some codes are met in more than one way, and a client may report each way differently (a
// refused connection and a host name that does not resolve both leave pgjdbc with 08001, and
// psycopg with no SQLSTATE at all). The verifier runs each way as a case of its own, with the
// id "<code>:<situation>" next to the code's plain case, whose id is the code.

/**
 * How the verifier makes a client meet a case's code:
 * - raise: PL/pgSQL `RAISE ... USING ERRCODE`, which a client receives exactly as the real error;
 * - real: a statement that makes the server raise it for real;
 * - connect: a failed connection attempt;
 * - crash: another server process is killed with SIGKILL while the client waits in a query, so
 *   the postmaster ends every session (each gets a WARNING just before its connection closes);
 * - killed: the client's own server process is killed with SIGKILL while it waits in a query,
 *   so the connection closes with nothing sent at all (what the OOM killer does).
 */
export type ReachedBy = 'raise' | 'real' | 'connect' | 'crash' | 'killed';

/** Cases that end the server's sessions: each runs on a server of its own, after the others. */
export const endsServer = (how: ReachedBy): how is 'crash' | 'killed' => how === 'crash' || how === 'killed';

/** What the reader did, for the cases of a code that has more than one. */
export const SITUATIONS: Record<string, string> = {
  '08001': 'Connection refused',
  '08001:unknown-host': 'Unknown host',
  '08001:connect-timeout': 'Server that never answers (connect timeout)',
  '08001:ssl-required': 'Client requires SSL, server has none',
  '08006': 'The server sends 08006',
  '08006:backend-killed': "The session's own server process is killed (kill -9, the OOM killer)",
};

/** The code a client case is about: "08001:unknown-host" -> "08001". */
export const codeOfCase = (id: string) => id.split(':')[0];

/** The case ids of a code among `ids`, its plain case first. */
export const casesOfCode = (code: string, ids: string[]) =>
  ids.filter((id) => codeOfCase(id) === code).sort((a, b) => (a === code ? -1 : b === code ? 1 : a < b ? -1 : 1));
