// The "In your code" lines of an entry page, from what real clients raised
// (content/verification/clients.json) and, for clients that cannot run here, from their source.
import type { ClientLine } from './client-line.ts';
import { snippetFor, SNIPPET_CLIENTS, type SnippetClient } from './snippets.ts';
import type { ClientRecord, ClientResults } from './results.ts';
import { lostConnectionLines } from './lost-connection.ts';
import { ormLines, ormNames } from './orms.ts';
import { casesOfCode, endsServer, SITUATIONS, type ReachedBy } from './situations.ts';

export type { ClientLine } from './client-line.ts';

const LABEL: Record<SnippetClient, string> = {
  psql: 'psql', psycopg: 'psycopg 3', psycopg2: 'psycopg2', asyncpg: 'asyncpg', 'node-postgres': 'node-postgres',
  'postgres.js': 'postgres.js', pgjdbc: 'pgjdbc', 'ruby-pg': 'ruby-pg',
  sqlalchemy: 'SQLAlchemy (psycopg2)', django: 'Django (psycopg2)', activerecord: 'ActiveRecord (ruby-pg)',
};

/** How each client's field reads in its language. */
const FIELD: Record<SnippetClient, string> = {
  psql: ':LAST_ERROR_SQLSTATE', psycopg: 'e.sqlstate', psycopg2: 'e.pgcode', asyncpg: 'e.sqlstate',
  'node-postgres': 'err.code', 'postgres.js': 'err.code', pgjdbc: 'e.getSQLState()', 'ruby-pg': 'e.result.error_field(PG::PG_DIAG_SQLSTATE)',
  sqlalchemy: 'e.orig.pgcode', django: 'e.__cause__.pgcode', activerecord: 'e.cause.result',
};
const NONE: Record<SnippetClient, string> = {
  psql: '', psycopg: 'None', psycopg2: 'None', asyncpg: 'None', 'node-postgres': 'undefined', 'postgres.js': 'undefined', pgjdbc: 'null', 'ruby-pg': 'nil',
  sqlalchemy: 'None', django: 'None', activerecord: 'nil',
};

const qualified = (client: SnippetClient, r: NonNullable<ClientRecord['raised']>) =>
  client === 'ruby-pg' ? `PG::${r.class}` : client === 'activerecord' ? `ActiveRecord::${r.class}` : client === 'psql' ? r.class : `${r.module}.${r.class}`;

// Short: the snippet under each line already shows the field to read.
function says(client: SnippetClient, code: string, how: string, record: ClientRecord): string {
  const r = record.raised!;
  if (client === 'psql') {
    if (how === 'connect') return `Exits with status 2, no SQLSTATE: "${r.message}"`;
    if (how === 'crash') return `Prints \`${r.message}\`, then loses the connection; a script stops there.`;
    if (how === 'killed') return `Prints libpq's \`${r.message}\`, no SQLSTATE; a script stops there.`;
    return `Error lines start \`${r.class}:  ${code}:\`` +
      (r.class === 'FATAL' ? '; a script stops at the lost connection, an interactive session reconnects.' : '.');
  }
  const cls = `\`${qualified(client, r)}\``;
  const when = how === 'connect' ? ' when connecting' : '';
  if (r.sqlstate === null) {
    const field = r.clientCode ? `\`${FIELD[client]}\` is \`${r.clientCode}\`, the client's own code` : `\`${FIELD[client]}\` is ${NONE[client]}`;
    // A failed connection attempt may have no server code at all; a lost session had one the client never got.
    const lost = how === 'connect' ? '' : how === 'crash' ? `; the ${code} came only as a WARNING notice just before the connection closed`
      : how === 'killed' ? '; the server sent nothing before the connection closed' : '; the code never reaches the client';
    return `Raises ${cls}${when} with no SQLSTATE: ${field}${lost}. Message: "${r.message}"`;
  }
  if (r.sqlstate !== code) return `Raises ${cls}${when}, \`${FIELD[client]}\` \`${r.sqlstate}\` (the client's own code), not ${code}: "${r.message}"`;
  // The server sent nothing: a code here is one the client chose for a broken connection.
  if (how === 'killed') return `Raises ${cls}, \`${FIELD[client]}\` \`${code}\`, the client's own code for a lost connection: "${r.message}"`;
  // A failed connection is told apart by its message alone (refused, timed out, no SSL ...).
  if (how === 'connect') return `Raises ${cls}${when}, \`${FIELD[client]}\` \`${code}\`: "${r.message}"`;
  // The snippet names a specific class already.
  if (r.specific) return how === 'connect' ? `Raises ${cls}${when}.` : '';
  if (client === 'pgjdbc' || client === 'node-postgres' || client === 'postgres.js') return `Raises ${cls}${when}.`;
  if (client === 'sqlalchemy' || client === 'django') return `Raises ${cls}${when}, the DB-API class around psycopg2's error; the code is on the driver's error.`;
  if (client === 'activerecord') return `Raises ${cls}${when}: the adapter has no class of its own for ${code}.`;
  return `Raises ${cls}${when}: no class of its own for ${code}.`;
}

// Pinned source of the clients that cannot run here (no Go or .NET toolchain on the build machines).
const PGX = 'https://github.com/jackc/pgx/blob/023281e597e33a62e02feadcac0845a745b2b002/pgconn/errors.go';
const LIB_PQ = 'https://github.com/lib/pq/blob/v1.10.9/error.go';
const NPGSQL = 'https://github.com/npgsql/npgsql/blob/v9.0.4/src/Npgsql';

function short(client: SnippetClient, code: string, record: ClientRecord): string {
  const r = record.raised!;
  if (client === 'psql') return r.sqlstate === code ? '`:LAST_ERROR_SQLSTATE`' : 'no SQLSTATE, only the message';
  const cls = `\`${qualified(client, r)}\``;
  if (r.sqlstate === null) return `${cls}, no SQLSTATE${r.clientCode ? ` (\`${r.clientCode}\`)` : ''}`;
  if (r.sqlstate !== code) return `${cls}, \`${r.sqlstate}\``;
  return r.specific ? cls : `${cls} + \`${FIELD[client]}\``;
}

// Spring's JdbcTemplate translates by SQLSTATE for PostgreSQL (useSqlStateForTranslation): the
// PostgreSQL bean of sql-error-codes.xml lists these codes, and
// SQLErrorCodeSQLExceptionTranslator.doTranslate throws the class of the list a code is on. Other
// codes go to a fallback translator, which this site has not checked, so they get no Spring line.
const SPRING_SOURCE = 'https://github.com/spring-projects/spring-framework/blob/02a4473c62d8240837bec297f0a1f3cb67ef8a7b/spring-jdbc/src/main/resources/org/springframework/jdbc/support/sql-error-codes.xml';
const SPRING: Record<string, string> = {
  ...Object.fromEntries(['03000', '42000', '42601', '42602', '42622', '42804', '42P01'].map((c) => [c, 'BadSqlGrammarException'])),
  '23505': 'DuplicateKeyException',
  ...Object.fromEntries(['23000', '23502', '23503', '23514'].map((c) => [c, 'DataIntegrityViolationException'])),
  ...Object.fromEntries(['53000', '53100', '53200', '53300'].map((c) => [c, 'DataAccessResourceFailureException'])),
  '55P03': 'CannotAcquireLockException',
  '40001': 'CannotSerializeTransactionException',
  '40P01': 'DeadlockLoserDataAccessException',
};

/** Clients that cannot run here, each line read in the client's own source at a pinned version. */
function citedLines(code: string, how?: ReachedBy): ClientLine[] {
  // No error arrives, only a lost connection (after a notice, for a crash): the mappings below do not apply.
  if (how && endsServer(how)) return lostConnectionLines(how, code);
  const lines: ClientLine[] = [
    {
      client: 'pgx', basis: 'cited', version: 'v5',
      snippet: { lang: 'go', code: `var pgErr *pgconn.PgError\nif errors.As(err, &pgErr) && pgErr.Code == "${code}" {\n\t// handle ${code}\n}` },
      says: '`*pgconn.PgError`, code in `Code`; `errors.As` also finds it inside a `*pgconn.ConnectError`.',
      short: '`*pgconn.PgError` + `Code`',
      source: { label: 'pgx v5 pgconn/errors.go', url: PGX },
    },
    {
      client: 'lib/pq', basis: 'cited', version: 'v1.10.9',
      snippet: { lang: 'go', code: `var pqErr *pq.Error\nif errors.As(err, &pqErr) && pqErr.Code == "${code}" {\n\t// handle ${code}\n}` },
      says: '`*pq.Error`, code in `Code` (`Code.Name()` gives the condition name).',
      short: '`*pq.Error` + `Code`',
      source: { label: 'lib/pq v1.10.9 error.go', url: LIB_PQ },
    },
    {
      client: 'Npgsql', basis: 'cited', version: 'v9.0.4',
      snippet: { lang: 'csharp', code: `catch (PostgresException e) when (e.SqlState == "${code}")\n{\n    // handle ${code}\n}` },
      says: '`PostgresException`, code in `SqlState`.',
      short: '`PostgresException` + `SqlState`',
      source: { label: 'Npgsql v9.0.4 PostgresException.cs', url: `${NPGSQL}/PostgresException.cs` },
    },
  ];
  if (SPRING[code]) {
    lines.push({
      client: 'Spring JDBC', basis: 'cited', version: '6',
      snippet: { lang: 'java', code: `catch (${SPRING[code]} e) {\n    // e.getCause() is the driver's SQLException: getSQLState() is "${code}"\n}` },
      says: `\`JdbcTemplate\` translates ${code} into \`${SPRING[code] === 'BadSqlGrammarException' ? 'org.springframework.jdbc' : 'org.springframework.dao'}.${SPRING[code]}\`, by the SQLSTATE lists of the PostgreSQL entry in \`sql-error-codes.xml\`.`,
      short: `\`${SPRING[code]}\``,
      source: { label: 'spring-jdbc sql-error-codes.xml, PostgreSQL', url: SPRING_SOURCE },
    });
  }
  if (code === '28P01' || code === '3D000') {
    lines.push({
      client: 'ActiveRecord', basis: 'cited', version: '6.1.7.10',
      says: 'Any failed connection whose message contains the database name becomes `ActiveRecord::NoDatabaseError`, so a wrong password for a user named like the database (both `postgres`) reads as a missing database; other failures are `ActiveRecord::ConnectionNotEstablished`.',
      short: '`NoDatabaseError` whenever the message names the database',
      source: { label: 'ActiveRecord 6.1 postgresql_adapter.rb, new_client', url: 'https://github.com/rails/rails/blob/v6.1.7.10/activerecord/lib/active_record/connection_adapters/postgresql_adapter.rb' },
    });
  }
  if (code === '57014') {
    // Npgsql replaces the 57014 of a cancellation it sent itself (NpgsqlConnector.ReadMessageLong).
    lines.push({
      client: 'Npgsql', basis: 'cited', version: 'v9.0.4',
      snippet: { lang: 'csharp', code: 'catch (OperationCanceledException e) when (e.InnerException is PostgresException { SqlState: "57014" })\n{\n    // your CancellationToken fired\n}\ncatch (NpgsqlException e) when (e.InnerException is TimeoutException)\n{\n    // CommandTimeout expired\n}' },
      short: 'its own cancellations: `OperationCanceledException` or `NpgsqlException`',
      says: 'When Npgsql itself cancelled the command, `catch (PostgresException)` misses it: a `CancellationToken` gives `OperationCanceledException` (the 57014 as `InnerException`), `CommandTimeout` gives `NpgsqlException` around a `TimeoutException`, without the 57014. A server-side `statement_timeout` or `pg_cancel_backend` still arrives as `PostgresException`.',
      source: { label: 'Npgsql v9.0.4 Internal/NpgsqlConnector.cs, ReadMessageLong', url: `${NPGSQL}/Internal/NpgsqlConnector.cs` },
    });
  }
  // Prisma, Hibernate ORM, Sequelize, TypeORM: src/lib/drivers/orms.ts.
  lines.push(...ormLines(code, how));
  return lines;
}

/**
 * Every client line for a code; none when no client was run for it (a notice), or when only
 * clients raise the code and none was run into the real situation (side "client", a RAISE probe).
 */
export function clientLines(code: string, results: ClientResults, side: 'server' | 'client' | 'both' = 'server'): ClientLine[] {
  const entry = results.codes[code];
  if (!entry || (side === 'client' && entry.how === 'raise')) return [];
  const ids = casesOfCode(code, Object.keys(results.codes));
  const lines: ClientLine[] = [];
  // Client by client, each client's situations together.
  for (const client of SNIPPET_CLIENTS) {
    for (const id of ids) {
      const { how, clients } = results.codes[id];
      const records = clients[client] ?? [];
      for (const record of records) {
        if (!record.raised) continue;
        // Nothing to catch by code after a crash, and a connect case has no statement to wrap.
        const snippet = how === 'connect' || endsServer(how) ? undefined : snippetFor(client, code, record.raised);
        lines.push({
          client: LABEL[client], basis: 'run', version: results.clients[client] ?? '?',
          majors: records.length > 1 ? record.majors : undefined,
          situation: ids.length > 1 ? SITUATIONS[id] ?? id : undefined,
          snippet, says: says(client, code, how, record), short: short(client, code, record),
        });
      }
    }
  }
  // Cited lines for the plain case, then for each other way that loses the connection.
  const lost = ids.slice(1).flatMap((id) => {
    const how = results.codes[id].how;
    return endsServer(how) ? lostConnectionLines(how, code, SITUATIONS[id] ?? id) : [];
  });
  // Beside those, the plain case's cited lines need its label too.
  const plain = citedLines(code, entry.how).map((l) => (lost.length ? { ...l, situation: SITUATIONS[code] ?? code } : l));
  return [...lines, ...plain, ...lost];
}

/**
 * The class names a reader may paste (specific classes only), for search: those the real clients
 * raised, and the ORMs' (Prisma's P-codes, Sequelize's and Hibernate's classes of a few codes).
 */
export function clientClassNames(code: string, results: ClientResults): string[] {
  const names = new Set<string>(ormNames(code));
  for (const id of casesOfCode(code, Object.keys(results.codes))) {
    for (const records of Object.values(results.codes[id].clients)) {
      for (const r of records) if (r.raised?.specific) names.add(r.raised.class);
    }
  }
  return [...names];
}
