// The "how to catch it" snippet per client. The page shows exactly this text, and `npm run verify`
// runs the same text in each real client against each server (scripts/verify/clients/), so a
// snippet that would not catch the error fails the run instead of reaching a reader.
//
// Each snippet sees the reader's connection and statement under the client's usual names:
// Python `cur` / `conn` and `sql`, Ruby `conn` and `sql`, node-postgres `client` and `sql`,
// postgres.js `sql` (the tag function) and `query`, Java `conn` and `sql`; SQLAlchemy `conn` (a
// Connection), Django `connection`, ActiveRecord `conn` (ActiveRecord::Base.connection).

/** What a real client raised for a code (content/verification/clients.json). */
export interface RaisedClass {
  /** The class's own name, e.g. "UniqueViolation", "TRSerializationFailure", "PSQLException". */
  class: string;
  /** Its module or namespace, e.g. "psycopg.errors", "PG", "org.postgresql.util". */
  module: string;
  /** Whether the client has a class of its own for this code and raised it. */
  specific: boolean;
  /** The SQLSTATE the client's attribute held: null when the client never got one (a lost connection). */
  sqlstate: string | null;
  /** A code of the client's own where it has no SQLSTATE (postgres.js "CONNECTION_CLOSED"). */
  clientCode?: string;
}

export const SNIPPET_CLIENTS = ['psql', 'psycopg', 'psycopg2', 'asyncpg', 'node-postgres', 'postgres.js', 'pgjdbc', 'ruby-pg', 'sqlalchemy', 'django', 'activerecord'] as const;
export type SnippetClient = (typeof SNIPPET_CLIENTS)[number];

export interface Snippet {
  lang: 'python' | 'ruby' | 'javascript' | 'java' | 'psql' | 'go' | 'csharp';
  code: string;
}

const indent = (text: string, by: string) => text.split('\n').map((line) => by + line).join('\n');
const pyValue = (value: string | null) => (value === null ? 'None' : value);

function python(module: string, call: string, attribute: string, baseClass: string, code: string, r: RaisedClass): string {
  const head = `try:\n    ${call}\n`;
  // The code never reached the client: catch what it raises instead, and say what the attribute holds.
  if (r.sqlstate !== code) return `${head}except ${r.module}.${r.class} as e:\n    print(e.${attribute})  # ${pyValue(r.sqlstate)}, not ${code}`;
  if (r.specific) return `${head}except ${r.module}.${r.class} as e:\n    print(e.${attribute})  # ${code}`;
  return `${head}except ${module}.${baseClass} as e:\n    if e.${attribute} != "${code}":\n        raise\n    print(e.${attribute})  # ${code}`;
}

function ruby(code: string, r: RaisedClass): string {
  const sqlstate = 'e.result.error_field(PG::PG_DIAG_SQLSTATE)';
  const rescue = r.sqlstate !== code
    ? `rescue PG::${r.class} => e\n  puts e.message  # no SQLSTATE: e.result is nil`
    : r.specific
      ? `rescue PG::${r.class} => e\n  puts ${sqlstate}  # ${code}`
      : `rescue PG::Error => e\n  raise unless e.result&.error_field(PG::PG_DIAG_SQLSTATE) == "${code}"\n  puts ${sqlstate}  # ${code}`;
  return `begin\n  conn.exec(sql)\n${rescue}\nend`;
}

/** An ORM's wrapper class always covers many codes: catch it and compare the driver's code. */
function ormPython(call: string, attribute: string, code: string, r: RaisedClass): string {
  const head = `try:\n${indent(call, '    ')}\n`;
  const cls = `${r.module}.${r.class}`;
  if (r.sqlstate !== code) return `${head}except ${cls} as e:\n    print(e.${attribute})  # ${pyValue(r.sqlstate)}, not ${code}`;
  return `${head}except ${cls} as e:\n    if e.${attribute} != "${code}":\n        raise\n    print(e.${attribute})  # ${code}`;
}

function activeRecord(code: string, r: RaisedClass): string {
  const sqlstate = 'e.cause.result.error_field(PG::PG_DIAG_SQLSTATE)';
  const rescue = r.sqlstate !== code
    ? `rescue ActiveRecord::${r.class} => e\n  puts e.cause.class  # no SQLSTATE: the connection is gone`
    : r.specific
      ? `rescue ActiveRecord::${r.class} => e\n  puts ${sqlstate}  # ${code}`
      : `rescue ActiveRecord::${r.class} => e\n  raise unless e.cause.is_a?(PG::Error) && e.cause.result&.error_field(PG::PG_DIAG_SQLSTATE) == "${code}"\n  puts ${sqlstate}  # ${code}`;
  return `begin\n  conn.execute(sql)\n${rescue}\nend`;
}

/** The snippet for one client and code, given what that client raised for it (null: not yet run). */
export function snippetFor(client: SnippetClient, code: string, raised: RaisedClass | null): Snippet {
  const r = raised ?? { class: 'Error', module: '', specific: false, sqlstate: code };
  const jsCode = r.sqlstate === code ? code : (r.clientCode ?? String(r.sqlstate));
  switch (client) {
    case 'psql':
      return { lang: 'psql', code: '\\set VERBOSITY verbose\n\\echo :LAST_ERROR_SQLSTATE' };
    case 'psycopg':
      return { lang: 'python', code: python('psycopg', 'cur.execute(sql)', 'sqlstate', 'Error', code, r) };
    case 'psycopg2':
      return { lang: 'python', code: python('psycopg2', 'cur.execute(sql)', 'pgcode', 'Error', code, r) };
    case 'asyncpg':
      return { lang: 'python', code: python('asyncpg', 'await conn.execute(sql)', 'sqlstate', 'PostgresError', code, r) };
    case 'ruby-pg':
      return { lang: 'ruby', code: ruby(code, r) };
    case 'node-postgres':
      return { lang: 'javascript', code: `try {\n  await client.query(sql);\n} catch (err) {\n  if (err.code !== '${jsCode}') throw err;\n  console.log(err.code); // ${jsCode}\n}` };
    case 'postgres.js': {
      const test = r.sqlstate === code ? `!(err instanceof postgres.PostgresError) || err.code !== '${code}'` : `err.code !== '${jsCode}'`;
      return { lang: 'javascript', code: `try {\n  await sql.unsafe(query);\n} catch (err) {\n  if (${test}) throw err;\n  console.log(err.code); // ${jsCode}\n}` };
    }
    case 'sqlalchemy':
      return { lang: 'python', code: ormPython('conn.execute(sqlalchemy.text(sql))', 'orig.pgcode', code, r) };
    case 'django':
      return { lang: 'python', code: ormPython('with connection.cursor() as cur:\n    cur.execute(sql)', '__cause__.pgcode', code, r) };
    case 'activerecord':
      return { lang: 'ruby', code: activeRecord(code, r) };
    case 'pgjdbc':
      return {
        lang: 'java',
        code: `try (Statement st = conn.createStatement()) {\n    st.execute(sql);\n} catch (SQLException e) {\n${indent(`if (!"${r.sqlstate === code ? code : r.sqlstate}".equals(e.getSQLState())) throw e;\nSystem.out.println(e.getSQLState()); // ${r.sqlstate}`, '    ')}\n}`,
      };
  }
}

/** What a snippet run must print for the page to be right: the SQLSTATE, or what stands in for it. */
export function expectedPrint(client: SnippetClient, code: string, raised: RaisedClass): string {
  if (raised.sqlstate === code) return code;
  if (client === 'ruby-pg' || client === 'activerecord') return '';
  if (client === 'node-postgres' || client === 'postgres.js') return raised.clientCode ?? String(raised.sqlstate);
  if (client === 'pgjdbc') return String(raised.sqlstate);
  return raised.sqlstate ?? 'None';
}
