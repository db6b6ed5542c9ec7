// What pgx, lib/pq and Npgsql give when the server process behind a connection dies in the middle
// of a query, read in their source at the pinned versions (none of them runs here). No server error
// arrives then, so their usual lines (a *pgconn.PgError, a *pq.Error, a PostgresException) do not
// apply. `crash`: the other sessions' backends send a WARNING notice first (57P02); `killed`: the
// session's own backend dies and nothing is sent.
import type { ClientLine } from './client-line.ts';
import type { ReachedBy } from './situations.ts';

const PGX = 'https://github.com/jackc/pgx/blob/023281e597e33a62e02feadcac0845a745b2b002';
const LIB_PQ = 'https://github.com/lib/pq/blob/v1.10.9';
const GO_SQL = 'https://github.com/golang/go/blob/01988dc51944e1efa2061eda9c8d8de87e71305e/src/database/sql/sql.go';
const NPGSQL = 'https://github.com/npgsql/npgsql/blob/v9.0.4/src/Npgsql';

/** The cited lines for a lost connection; `situation` labels them when the code is met another way too. */
export function lostConnectionLines(how: Extract<ReachedBy, 'crash' | 'killed'>, code: string, situation?: string): ClientLine[] {
  const notice = how === 'crash';
  return [
    {
      client: 'pgx', basis: 'cited', version: 'v5', situation,
      snippet: { lang: 'go', code: 'if errors.Is(err, io.ErrUnexpectedEOF) || conn.IsClosed() {\n\t// no server error: the connection is gone; whether the statement ran is unknown\n}' },
      says: '`Exec` and `Query` return the bare `io.ErrUnexpectedEOF` ("unexpected EOF"; the `*net.OpError` itself after a reset): `pgproto3.Frontend.Receive` turns the EOF into it and `peekMessage` closes the connection, so `conn.IsClosed()` is true at once. `errors.As` finds no `*pgconn.PgError`, and `pgconn.SafeToRetry(err)` is false.' +
        (notice ? ` The ${code} WARNING goes, before that, to \`Config.OnNotice\` (a \`*pgconn.Notice\` with \`Code\` "${code}") if one is set, and is dropped otherwise.` : ''),
      short: '`io.ErrUnexpectedEOF`, no `*pgconn.PgError`',
      source: { label: 'pgx v5 pgproto3/frontend.go, Receive', url: `${PGX}/pgproto3/frontend.go` },
      moreSources: [
        { label: 'pgconn/pgconn.go, peekMessage and receiveMessage', url: `${PGX}/pgconn/pgconn.go` },
        { label: 'pgconn/errors.go, SafeToRetry', url: `${PGX}/pgconn/errors.go` },
      ],
    },
    {
      client: 'lib/pq', basis: 'cited', version: 'v1.10.9', situation,
      says: 'The query returns `driver.ErrBadConn` ("driver: bad connection") when the connection ends between two messages, as it does here; `io.ErrUnexpectedEOF` if it ends inside one, the `*net.OpError` after a reset; never a `*pq.Error` (`errRecover`). `*sql.DB` takes `ErrBadConn` for a dead pooled connection and runs `Exec` or `Query` again on another one, up to three attempts in all, so outside a transaction the app may see only the last attempt\'s result; inside a `*sql.Tx` it gets `ErrBadConn`.' +
        (notice ? ` The ${code} WARNING reaches a handler set with \`pq.ConnectorWithNoticeHandler\` (a \`*pq.Error\` with \`Code\` "${code}"), and is dropped without one.` : ''),
      short: '`driver.ErrBadConn`, which `*sql.DB` retries',
      source: { label: 'lib/pq v1.10.9 error.go, errRecover', url: `${LIB_PQ}/error.go` },
      moreSources: [
        { label: 'conn.go, recvMessage and recv1Buf', url: `${LIB_PQ}/conn.go` },
        ...(notice ? [{ label: 'notice.go, ConnectorWithNoticeHandler', url: `${LIB_PQ}/notice.go` }] : []),
        { label: 'Go database/sql sql.go, DB.retry', url: GO_SQL },
      ],
    },
    {
      client: 'Npgsql', basis: 'cited', version: 'v9.0.4', situation,
      snippet: { lang: 'csharp', code: 'catch (NpgsqlException e) when (e is not PostgresException && e.IsTransient)\n{\n    // the connection broke: open a new one; whether the command ran is unknown\n}' },
      says: 'Throws `NpgsqlException` "Exception while reading from stream", whose `InnerException` is an `EndOfStreamException` (the socket\'s `IOException` after a reset), not a `PostgresException`. `IsTransient` is true; the connection is broken (`FullState` `Broken`, `State` `Closed`) and the data source\'s pool is cleared.' +
        (notice ? ` The ${code} WARNING fires the connection's \`Notice\` event first (\`e.Notice.SqlState\` "${code}").` : ''),
      short: '`NpgsqlException` (`IsTransient`), not `PostgresException`',
      source: { label: 'Npgsql v9.0.4 Internal/NpgsqlReadBuffer.cs, EnsureLong', url: `${NPGSQL}/Internal/NpgsqlReadBuffer.cs` },
      moreSources: [
        { label: 'Internal/NpgsqlConnector.cs, Break', url: `${NPGSQL}/Internal/NpgsqlConnector.cs` },
        { label: 'NpgsqlException.cs, IsTransient', url: `${NPGSQL}/NpgsqlException.cs` },
      ],
    },
  ];
}
