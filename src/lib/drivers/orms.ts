// "In your code" lines for ORMs that cannot run here: Prisma, Hibernate ORM, Sequelize and TypeORM.
// Every class name and code below was read in the ORM's own source at the pinned version of its
// URL; none is derived from a naming rule. Plain TypeScript: lines.ts and the search index use it.
import type { ClientLine } from './client-line.ts';
import { endsServer, type ReachedBy } from './situations.ts';
import type { Snippet } from './snippets.ts';

// ---------------------------------------------------------------------------------------------
// Prisma 7 (prisma/prisma 7.9.1). Prisma 7 has no Rust query engine left (packages/client/src/
// runtime/core/engines holds only `client` and `accelerate`): PostgreSQL goes through a driver
// adapter, here @prisma/adapter-pg. Its convertDriverError/mapDriverError (errors.ts) turns a pg
// error into an adapter error "kind" by `error.code`; getErrorCode in client-engine-runtime's
// user-facing-error.ts turns the kind into the P-code; ClientEngine#transformRequestError throws
// that UserFacingError as PrismaClientKnownRequestError with `code` (and `meta`). Codes the switch
// does not list (kind "postgres") get no line here. Raw queries always take the P2010 path
// (rethrowAsUserFacingRawError, used by query-interpreter.ts for `rawSql` nodes).
const PRISMA_TAG = 'https://github.com/prisma/prisma/blob/7.9.1';
export const PRISMA_SOURCES = {
  adapter: { label: 'Prisma 7.9.1 adapter-pg errors.ts, mapDriverError', url: `${PRISMA_TAG}/packages/adapter-pg/src/errors.ts` },
  codes: { label: 'client-engine-runtime user-facing-error.ts, getErrorCode', url: `${PRISMA_TAG}/packages/client-engine-runtime/src/user-facing-error.ts` },
  client: { label: 'ClientEngine.ts, transformRequestError', url: `${PRISMA_TAG}/packages/client/src/runtime/core/engines/client/ClientEngine.ts` },
  error: { label: 'PrismaClientKnownRequestError.ts', url: `${PRISMA_TAG}/packages/client-runtime-utils/src/errors/PrismaClientKnownRequestError.ts` },
};

/** SQLSTATE -> [adapter kind, Prisma code], as mapDriverError and getErrorCode pair them. */
export const PRISMA: Record<string, readonly [kind: string, code: string]> = {
  '22001': ['LengthMismatch', 'P2000'],
  '22003': ['ValueOutOfRange', 'P2020'],
  '22P02': ['InvalidInputValue', 'P2007'],
  '23505': ['UniqueConstraintViolation', 'P2002'],
  '23502': ['NullConstraintViolation', 'P2011'],
  '23503': ['ForeignKeyConstraintViolation', 'P2003'],
  '3D000': ['DatabaseDoesNotExist', 'P1003'],
  '28000': ['DatabaseAccessDenied', 'P1010'],
  '28P01': ['AuthenticationFailed', 'P1000'],
  '40001': ['TransactionWriteConflict', 'P2034'],
  '42P01': ['TableDoesNotExist', 'P2021'],
  '42703': ['ColumnNotFound', 'P2022'],
  '42P04': ['DatabaseAlreadyExists', 'P1009'],
  '53300': ['TooManyConnections', 'P2037'],
};

function prismaLine(code: string): ClientLine | null {
  const mapped = PRISMA[code];
  if (!mapped) return null;
  const [kind, pcode] = mapped;
  const snippet: Snippet = {
    lang: 'javascript',
    code: `try {\n  await prisma.user.create({ data }); // any model query\n} catch (e) {\n  if (!(e instanceof Prisma.PrismaClientKnownRequestError) || e.code !== '${pcode}') throw e;\n  console.log(e.code); // ${pcode}\n}`,
  };
  return {
    client: 'Prisma', basis: 'cited', version: '7.9.1 (adapter-pg)', snippet,
    says: `@prisma/adapter-pg maps ${code} to its \`${kind}\` error, which the client throws as \`PrismaClientKnownRequestError\` with \`code\` \`${pcode}\`; the adapter's error is kept in \`meta.driverAdapterError\`, where \`cause.originalCode\` is ${code}. Raw queries (\`$queryRaw\`, \`$executeRaw\`) give \`P2010\` instead.`,
    short: `\`PrismaClientKnownRequestError\`, \`code\` \`${pcode}\``,
    source: PRISMA_SOURCES.adapter,
    moreSources: [PRISMA_SOURCES.codes, PRISMA_SOURCES.client, PRISMA_SOURCES.error],
  };
}

// ---------------------------------------------------------------------------------------------
// Hibernate ORM 6.6.55. JdbcEnvironmentImpl.buildSqlExceptionHelper asks, in order, the dialect's
// delegate (PostgreSQLDialect.buildSQLExceptionConversionDelegate: 40P01, 55P03, 57014), then
// SQLExceptionTypeDelegate (by JDBC subclass: pgjdbc raises plain PSQLException, so it passes),
// then SQLStateConversionDelegate (by class, then 40001); StandardSQLExceptionConverter falls back
// to GenericJDBCException. In 6.6 ConstraintKind has only UNIQUE and OTHER, and neither the
// PostgreSQL dialect nor SQLStateConversionDelegate passes a kind: getKind() is OTHER. The
// dialect's EXTRACTOR reads the constraint name from the message for 23505, 23503, 23514, 23502.
const HIBERNATE_TAG = 'https://github.com/hibernate/hibernate-orm/blob/6.6.55/hibernate-core/src/main/java/org/hibernate';
export const HIBERNATE_SOURCES = {
  dialect: { label: 'Hibernate ORM 6.6.55 PostgreSQLDialect.java, buildSQLExceptionConversionDelegate', url: `${HIBERNATE_TAG}/dialect/PostgreSQLDialect.java` },
  sqlState: { label: 'SQLStateConversionDelegate.java, convert', url: `${HIBERNATE_TAG}/exception/internal/SQLStateConversionDelegate.java` },
  order: { label: 'JdbcEnvironmentImpl.java, buildSqlExceptionHelper', url: `${HIBERNATE_TAG}/engine/jdbc/env/internal/JdbcEnvironmentImpl.java` },
  fallback: { label: 'StandardSQLExceptionConverter.java, convert', url: `${HIBERNATE_TAG}/exception/internal/StandardSQLExceptionConverter.java` },
  kind: { label: 'ConstraintViolationException.java, ConstraintKind', url: `${HIBERNATE_TAG}/exception/ConstraintViolationException.java` },
  jpa: { label: 'ExceptionConverterImpl.java, convert and wrapLockException', url: `${HIBERNATE_TAG}/internal/ExceptionConverterImpl.java` },
};

const HIBERNATE_DIALECT: Record<string, string> = {
  '40P01': 'org.hibernate.exception.LockAcquisitionException',
  '55P03': 'org.hibernate.PessimisticLockException',
  '57014': 'org.hibernate.QueryTimeoutException',
};
const HIBERNATE_CLASSES: [classes: string[], exception: string][] = [
  [['07', '20', '2A', '37', '42', '65', 'S0'], 'org.hibernate.exception.SQLGrammarException'],
  [['23', '27', '44'], 'org.hibernate.exception.ConstraintViolationException'],
  [['08'], 'org.hibernate.exception.JDBCConnectionException'],
  [['21', '22'], 'org.hibernate.exception.DataException'],
];
const HIBERNATE_NAMED_CONSTRAINT = new Set(['23505', '23503', '23514', '23502']);
// What ExceptionConverterImpl.convert(HibernateException, LockOptions) rethrows for these, in the
// session operations that go through it (SessionImpl.doFlush among them).
const HIBERNATE_JPA: Record<string, string> = {
  'org.hibernate.exception.LockAcquisitionException': '`jakarta.persistence.OptimisticLockException` around it (wrapLockException\'s last branch)',
  'org.hibernate.PessimisticLockException': '`jakarta.persistence.PessimisticLockException` around it (`LockTimeoutException` when the lock had a timeout or NOWAIT)',
  'org.hibernate.QueryTimeoutException': '`jakarta.persistence.QueryTimeoutException` around it',
};

/** The exception Hibernate 6.6's PostgreSQL conversion makes of a code, and what decided it. */
export function hibernateException(code: string): { exception: string; by: 'dialect' | 'class' | 'state' | 'fallback' } {
  if (HIBERNATE_DIALECT[code]) return { exception: HIBERNATE_DIALECT[code], by: 'dialect' };
  const found = HIBERNATE_CLASSES.find(([classes]) => classes.includes(code.slice(0, 2)));
  if (found) return { exception: found[1], by: 'class' };
  if (code === '40001') return { exception: 'org.hibernate.exception.LockAcquisitionException', by: 'state' };
  return { exception: 'org.hibernate.exception.GenericJDBCException', by: 'fallback' };
}

const simple = (qualified: string) => qualified.slice(qualified.lastIndexOf('.') + 1);

function hibernateLine(code: string): ClientLine {
  const { exception, by } = hibernateException(code);
  const why = {
    dialect: `PostgreSQLDialect's own delegate names ${code}`,
    class: `SQLStateConversionDelegate maps class ${code.slice(0, 2)}`,
    state: 'SQLStateConversionDelegate names 40001',
    fallback: `no delegate names ${code} or class ${code.slice(0, 2)}, so StandardSQLExceptionConverter falls back`,
  }[by];
  const constraint = exception.endsWith('.ConstraintViolationException')
    ? ` \`getKind()\` is \`OTHER\` (6.6 passes no kind for PostgreSQL)${HIBERNATE_NAMED_CONSTRAINT.has(code) ? '; `getConstraintName()` is read from the message' : ''}.`
    : '';
  const jpa = HIBERNATE_JPA[exception] ? ` Where the session's exception converter handles it (a flush, for one), you get ${HIBERNATE_JPA[exception]}.` : '';
  const source = by === 'dialect' ? HIBERNATE_SOURCES.dialect : by === 'fallback' ? HIBERNATE_SOURCES.fallback : HIBERNATE_SOURCES.sqlState;
  const more = [HIBERNATE_SOURCES.order, ...(by === 'dialect' ? [] : [HIBERNATE_SOURCES.dialect]), ...(constraint ? [HIBERNATE_SOURCES.kind] : []), ...(jpa ? [HIBERNATE_SOURCES.jpa] : [])];
  return {
    client: 'Hibernate ORM', basis: 'cited', version: '6.6.55',
    says: `Converts pgjdbc's \`PSQLException\` into \`${exception}\` (${why}); \`getSQLState()\` on it gives ${code}.${constraint}${jpa}`,
    short: by === 'fallback' ? `\`GenericJDBCException\` + \`getSQLState()\`` : `\`${simple(exception)}\``,
    source,
    moreSources: more,
  };
}

// ---------------------------------------------------------------------------------------------
// Sequelize v6.37.8. PostgresQuery.formatError (src/dialects/postgres/query.js) switches on the pg
// error's `code`: 23503, 23505, 23P01 get classes of their own, 42704 gets UnknownConstraintError
// only when the statement's SQL contains CONSTRAINT or INDEX, every other code DatabaseError. Each
// keeps the pg error as `parent` (and `original`): DatabaseError's constructor, and
// UniqueConstraintError's, which extends ValidationError instead. A failed connect becomes
// ConnectionError(err) in connection-manager.js unless the code is a socket one (ECONNREFUSED...).
const SEQUELIZE_TAG = 'https://github.com/sequelize/sequelize/blob/v6.37.8/src';
export const SEQUELIZE_SOURCES = {
  query: { label: 'Sequelize v6.37.8 dialects/postgres/query.js, formatError', url: `${SEQUELIZE_TAG}/dialects/postgres/query.js` },
  connect: { label: 'Sequelize v6.37.8 dialects/postgres/connection-manager.js, connect', url: `${SEQUELIZE_TAG}/dialects/postgres/connection-manager.js` },
  databaseError: { label: 'errors/database-error.ts', url: `${SEQUELIZE_TAG}/errors/database-error.ts` },
  uniqueError: { label: 'errors/validation/unique-constraint-error.ts', url: `${SEQUELIZE_TAG}/errors/validation/unique-constraint-error.ts` },
  connectionError: { label: 'errors/connection-error.ts', url: `${SEQUELIZE_TAG}/errors/connection-error.ts` },
};
export const SEQUELIZE: Record<string, string> = {
  '23503': 'ForeignKeyConstraintError',
  '23505': 'UniqueConstraintError',
  '23P01': 'ExclusionConstraintError',
  '42704': 'UnknownConstraintError',
};
/** Codes of a failed connection whose pg error carries the SQLSTATE (08001 here is a socket error). */
const CONNECT_WITH_SQLSTATE = new Set(['28P01', '3D000']);

function sequelizeLine(code: string, how: ReachedBy | undefined): ClientLine | null {
  if (how === 'connect') {
    if (!CONNECT_WITH_SQLSTATE.has(code)) return null;
    return {
      client: 'Sequelize', basis: 'cited', version: 'v6.37.8',
      says: `The PostgreSQL connection manager rejects a failed connect with \`ConnectionError\`, the pg error on \`parent\`: \`err.parent.code\` is ${code}.`,
      short: '`ConnectionError` + `parent.code`',
      source: SEQUELIZE_SOURCES.connect, moreSources: [SEQUELIZE_SOURCES.connectionError],
    };
  }
  const cls = SEQUELIZE[code];
  const test = cls && code !== '42704' ? `!(err instanceof ${cls})` : `!(err instanceof DatabaseError) || err.parent.code !== '${code}'`;
  const snippet: Snippet = { lang: 'javascript', code: `try {\n  await sequelize.query(sql);\n} catch (err) {\n  if (${test}) throw err;\n  console.log(err.parent.code); // ${code}\n}` };
  const says = !cls
    ? `\`formatError\` has no case for ${code}: \`DatabaseError\`, the pg error on \`parent\` (also \`original\`), so \`err.parent.code\` is ${code}.`
    : code === '42704'
      ? '`UnknownConstraintError` when the failed statement names a CONSTRAINT or INDEX, otherwise `DatabaseError`; both extend `DatabaseError` and keep the pg error on `parent`: `err.parent.code` is 42704.'
      : `\`${cls}\`${code === '23505' ? ' (a `ValidationError`, not a `DatabaseError`)' : ', a `DatabaseError`'}, the pg error on \`parent\` (also \`original\`): \`err.parent.code\` is ${code}.`;
  return {
    client: 'Sequelize', basis: 'cited', version: 'v6.37.8', snippet, says,
    short: cls ? `\`${cls}\`` : '`DatabaseError` + `parent.code`',
    source: SEQUELIZE_SOURCES.query,
    moreSources: [code === '23505' ? SEQUELIZE_SOURCES.uniqueError : SEQUELIZE_SOURCES.databaseError],
  };
}

// ---------------------------------------------------------------------------------------------
// TypeORM 0.3.31. PostgresQueryRunner.query wraps whatever pg rejected with in
// `new QueryFailedError(query, parameters, err)`, for every code; QueryFailedError keeps it as
// `driverError` and copies its own properties (all but `name`) onto itself, so `code` is on both.
// Connecting is PostgresDriver.createPool: `pool.connect` failing rejects with pg's error unwrapped,
// which DataSource.initialize passes on.
const TYPEORM_TAG = 'https://github.com/typeorm/typeorm/blob/0.3.31/src';
export const TYPEORM_SOURCES = {
  query: { label: 'TypeORM 0.3.31 PostgresQueryRunner.ts, query', url: `${TYPEORM_TAG}/driver/postgres/PostgresQueryRunner.ts` },
  error: { label: 'QueryFailedError.ts', url: `${TYPEORM_TAG}/error/QueryFailedError.ts` },
  connect: { label: 'TypeORM 0.3.31 PostgresDriver.ts, createPool', url: `${TYPEORM_TAG}/driver/postgres/PostgresDriver.ts` },
};

function typeormLine(code: string, how: ReachedBy | undefined): ClientLine | null {
  if (how === 'connect') {
    if (!CONNECT_WITH_SQLSTATE.has(code)) return null;
    return {
      client: 'TypeORM', basis: 'cited', version: '0.3.31',
      says: `\`dataSource.initialize()\` rejects with pg's own error, not wrapped: \`err.code\` is ${code}.`,
      short: "pg's error + `code`",
      source: TYPEORM_SOURCES.connect,
    };
  }
  return {
    client: 'TypeORM', basis: 'cited', version: '0.3.31',
    snippet: { lang: 'javascript', code: `try {\n  await dataSource.query(sql);\n} catch (err) {\n  if (!(err instanceof QueryFailedError) || err.driverError.code !== '${code}') throw err;\n  console.log(err.driverError.code); // ${code}\n}` },
    says: `\`QueryFailedError\` for every code, pg's error as \`driverError\`: \`err.driverError.code\` is ${code} (its properties are copied onto the error too, so \`err.code\` also is).`,
    short: '`QueryFailedError` + `driverError.code`',
    source: TYPEORM_SOURCES.query,
    moreSources: [TYPEORM_SOURCES.error],
  };
}

/** The ORM lines for a code, in a fixed order; ORMs that do nothing of their own for it get none. */
export function ormLines(code: string, how?: ReachedBy): ClientLine[] {
  // A crash or a killed backend reaches the client as a lost connection: no ORM maps the code then.
  if (how && endsServer(how)) return [];
  const lines = [
    prismaLine(code),
    how === 'connect' ? null : hibernateLine(code),
    sequelizeLine(code, how),
    typeormLine(code, how),
  ];
  return lines.filter((l): l is ClientLine => l !== null);
}

/**
 * Names a reader may paste for a code, for search: Prisma's code and the ORM classes that belong to
 * a few codes (not the catch-alls: DatabaseError, QueryFailedError, GenericJDBCException, nor
 * Hibernate's classes for whole SQLSTATE classes such as SQLGrammarException or DataException).
 */
export function ormNames(code: string): string[] {
  const names = new Set<string>();
  if (PRISMA[code]) names.add(PRISMA[code][1]);
  if (SEQUELIZE[code]) names.add(SEQUELIZE[code]);
  const { exception, by } = hibernateException(code);
  if (by === 'dialect' || by === 'state' || exception.endsWith('.ConstraintViolationException')) names.add(simple(exception));
  return [...names];
}
