// How each common client shows a server error's SQLSTATE. psycopg, psycopg2 and ruby-pg name
// their exception classes after the condition name in CamelCase (unique_violation ->
// UniqueViolation); a name shared by two codes gets a suffix on one of them, so none is shown.

export interface DriverLine {
  client: string;
  lang: string;
  code: string;
}

export const camelName = (name: string) =>
  name.split('_').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');

export function driverLines(code: string, name: string, nameIsShared: boolean): DriverLine[] {
  const cls = nameIsShared ? null : camelName(name);
  const py = (mod: string, attr: string) =>
    cls ? `except ${mod}.errors.${cls} as e:      # e.${attr} == "${code}"` : `except ${mod}.Error as e:\n    if e.${attr} == "${code}": ...`;
  return [
    { client: 'psql', lang: 'shell', code: `\\set VERBOSITY verbose   -- then errors read: ERROR:  ${code}: ...` },
    { client: 'psycopg 3', lang: 'python', code: py('psycopg', 'sqlstate') },
    { client: 'psycopg2', lang: 'python', code: py('psycopg2', 'pgcode') },
    { client: 'node-postgres', lang: 'javascript', code: `if (err.code === '${code}') { ... }` },
    { client: 'pgjdbc', lang: 'java', code: `if ("${code}".equals(e.getSQLState())) { ... }   // e is an SQLException` },
    { client: 'pgx', lang: 'go', code: `var pgErr *pgconn.PgError\nif errors.As(err, &pgErr) && pgErr.Code == "${code}" { ... }` },
    { client: 'Npgsql', lang: 'csharp', code: `catch (PostgresException e) when (e.SqlState == "${code}") { ... }` },
    {
      client: 'ruby-pg',
      lang: 'ruby',
      code: cls ? `rescue PG::${cls} => e` : `rescue PG::Error => e\n  raise unless e.result&.error_field(PG::PG_DIAG_SQLSTATE) == "${code}"`,
    },
  ];
}
