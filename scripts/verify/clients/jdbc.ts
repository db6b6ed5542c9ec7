// pgjdbc: one generated Java class with a method per case that holds the page's snippet verbatim,
// compiled by javac and run once per server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClientOutcome } from '../../../src/lib/drivers/results.ts';
import type { ClientCase } from './cases.ts';
import { exec, parseLines, type Conn } from './process.ts';

export const JDBC_JAR = '/usr/share/java/postgresql.jar';

const javaString = (s: string) => JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** One generated class: a method per case holding the page's snippet verbatim, compiled by javac. */
export async function jdbc(conn: Conn, cases: ClientCase[]): Promise<ClientOutcome[]> {
  const dir = mkdtempSync(join(tmpdir(), 'jdbc-probe-'));
  try {
    // libpq's connect_timeout covers the whole attempt: pgjdbc's loginTimeout does; its connectTimeout only the TCP connect.
    const url = (c: ClientCase) => {
      const timeout = c.conn?.connect_timeout;
      const params = [`connectTimeout=${timeout ?? 5}`, ...(timeout ? [`loginTimeout=${timeout}`] : []), ...(c.conn?.sslmode ? [`sslmode=${c.conn.sslmode}`] : [])];
      return javaString(`jdbc:postgresql://${c.conn?.host ?? conn.host}:${c.conn?.port ?? conn.port}/${c.conn?.dbname ?? conn.dbname}?${params.join('&')}`);
    };
    const methods = cases.map((c, i) => `
  static void case${i}() {
    String id = ${javaString(c.id)};
    String[] statements = {${c.statements.map(javaString).join(', ')}};
    StringBuilder out = new StringBuilder("{\\"id\\":" + q(id) + ",\\"client\\":\\"pgjdbc\\",\\"version\\":" + q(org.postgresql.Driver.class.getPackage().getImplementationVersion()) + ",\\"attribute\\":\\"getSQLState()\\"");
    try {
      ${c.conn ? `DriverManager.getConnection(${url(c)}, ${javaString(c.conn?.user ?? conn.user)}, ${javaString(c.conn?.password ?? conn.password)}).close();` : 'try (Statement st = session().createStatement()) { for (String s : statements) st.execute(s); }'}
      out.append(",\\"raised\\":null");
    } catch (SQLException e) {
      out.append(",\\"raised\\":{\\"class\\":" + q(e.getClass().getSimpleName()) + ",\\"module\\":" + q(e.getClass().getPackageName()) + ",\\"sqlstate\\":" + q(e.getSQLState()) + ",\\"message\\":" + q(String.valueOf(e.getMessage()).split("\\n")[0]) + ",\\"specific\\":false}");
    }
    finish();
    ${c.snippet ? `try {
      Connection conn = session();
      try (Statement setup = conn.createStatement()) { for (int k = 0; k < statements.length - 1; k++) setup.execute(statements[k]); }
      String sql = statements[statements.length - 1];
      java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
      java.io.PrintStream saved = System.out;
      System.setOut(new java.io.PrintStream(printed));
      try {
        snippet${i}(conn, sql);
        System.setOut(saved);
        out.append(",\\"snippet\\":{\\"caught\\":true,\\"printed\\":" + q(printed.toString().trim()) + "}");
      } catch (Exception escaped) {
        System.setOut(saved);
        out.append(",\\"snippet\\":{\\"caught\\":false,\\"escaped\\":" + q(escaped.getClass().getName()) + "}");
      }
    } catch (SQLException e) {
      out.append(",\\"error\\":" + q("snippet setup: " + e.getMessage()));
    }
    finish();` : ''}
    System.out.println(out.append("}"));
  }
${c.snippet ? `  static void snippet${i}(Connection conn, String sql) throws SQLException {\n${c.snippet.split('\n').map((l) => '    ' + l).join('\n')}\n  }` : ''}`);
    const source = `import java.sql.*;
public class ClientProbe {
  static String q(String s) {
    if (s == null) return "null";
    StringBuilder b = new StringBuilder("\\"");
    for (char ch : s.toCharArray()) {
      if (ch == '"' || ch == '\\\\') b.append('\\\\').append(ch);
      else if (ch < 0x20) b.append(String.format("\\\\u%04x", (int) ch));
      else b.append(ch);
    }
    return b.append('"').toString();
  }
  // One connection for all cases, opened again after a case ended it.
  static Connection shared;
  static Connection session() throws SQLException {
    if (shared == null || shared.isClosed()) shared = DriverManager.getConnection(${url({ id: '', code: '', how: 'raise', statements: [] })}, ${javaString(conn.user)}, ${javaString(conn.password)});
    return shared;
  }
  static void finish() {
    try { if (shared != null && !shared.isClosed()) try (Statement st = shared.createStatement()) { st.execute("RESET ALL"); } } catch (SQLException e) { shared = null; }
  }
${methods.join('\n')}
  public static void main(String[] args) {
${cases.map((_, i) => `    case${i}();`).join('\n')}
  }
}
`;
    writeFileSync(join(dir, 'ClientProbe.java'), source);
    const compiled = await exec('javac', ['-encoding', 'UTF-8', '-cp', JDBC_JAR, '-d', dir, join(dir, 'ClientProbe.java')]);
    if (compiled.status !== 0) throw new Error(`javac rejected the pgjdbc snippets: ${compiled.stderr.slice(-2000)}`);
    const run = await exec('java', ['-cp', `${JDBC_JAR}:${dir}`, 'ClientProbe']);
    if (run.status !== 0) throw new Error(`pgjdbc probe failed: ${run.stderr.slice(-2000)}`);
    return parseLines('pgjdbc', run.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
