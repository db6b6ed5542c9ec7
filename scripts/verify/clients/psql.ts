// psql: the page's two lines around each failing statement, in as few psql runs as the cases allow.
import type { ClientOutcome } from '../../../src/lib/drivers/results.ts';
import { endsServer } from '../../../src/lib/drivers/situations.ts';
import { snippetFor } from '../../../src/lib/drivers/snippets.ts';
import type { ClientCase } from './cases.ts';
import { exec, firstLine, type Conn } from './process.ts';

/** psql, one script for all statement cases: the page's two lines around each failing statement. */
export async function psql(conn: Conn, cases: ClientCase[]): Promise<ClientOutcome[]> {
  const version = /(\d+\.\d+)/.exec((await exec('psql', ['--version'])).stdout)?.[1] ?? '?';
  const [setLine, echoLine] = snippetFor('psql', '', null).code.split('\n');
  const runnable = cases.filter((c) => c.how !== 'connect');
  // A script psql reads ends when the server closes the connection (57P01 and the like), so the
  // cases after the one that ended it go into a fresh psql.
  const blocks = new Map<string, string[]>();
  let rest = runnable;
  while (rest.length) {
    const script = [setLine, ...rest.flatMap((c) => [`\\echo @@case ${c.id}`, ...c.statements.map((s) => `${s};`), echoLine, 'RESET ALL;'])].join('\n');
    // stderr into stdout, so that each error lands inside its case's block
    const run = await exec('sh', ['-c', 'exec psql -X -h "$0" -p "$1" -U "$2" -d "$3" 2>&1', conn.host, String(conn.port), conn.user, conn.dbname],
      script, { ...process.env, PGPASSWORD: conn.password, PGCONNECT_TIMEOUT: '5' });
    let current: string[] | undefined;
    let last = -1;
    for (const line of run.stdout.split('\n')) {
      const start = /^@@case (\S+)$/.exec(line);
      if (start) {
        blocks.set(start[1], (current = []));
        last = rest.findIndex((c) => c.id === start[1]);
      } else current?.push(line);
    }
    if (last < 0) throw new Error(`psql ran none of its cases: ${run.stdout.slice(0, 500)}`);
    rest = rest.slice(last + 1);
  }
  return Promise.all(cases.map(async (c): Promise<ClientOutcome> => {
    if (c.how === 'connect') {
      const r = await exec('psql', ['-X', '-h', c.conn?.host ?? conn.host, '-p', String(c.conn?.port ?? conn.port), '-U', c.conn?.user ?? conn.user, '-d', c.conn?.dbname ?? conn.dbname, '-c', 'SELECT 1'],
        '', {
          ...process.env, PGPASSWORD: c.conn?.password ?? conn.password, PGCONNECT_TIMEOUT: String(c.conn?.connect_timeout ?? 5),
          ...(c.conn?.sslmode ? { PGSSLMODE: c.conn.sslmode } : {}),
        });
      return { id: c.id, client: 'psql' as const, version, raised: { class: 'psql', module: 'psql', sqlstate: null, message: firstLine(r.stderr), specific: false } };
    }
    const lines = blocks.get(c.id) ?? [];
    if (c.how === 'killed') {
      // Nothing came from the server: libpq's own text is the first line psql prints.
      const lost = lines.map((l) => /^(?:psql:<stdin>:\d+: )?(server closed the connection unexpectedly.*)$/.exec(l)).find(Boolean);
      return { id: c.id, client: 'psql' as const, version, raised: lost ? { class: 'psql', module: 'psql', sqlstate: null, message: lost[1], specific: false } : null };
    }
    // After a crash psql prints the WARNING its backend sent on the way out, and no error line.
    const levels = c.how === 'crash' ? 'WARNING' : 'ERROR|FATAL|PANIC';
    const error = lines.map((l) => new RegExp(`^(?:psql:<stdin>:\\d+: )?(${levels}):  ([0-9A-Z]{5}): (.*)$`).exec(l)).find(Boolean);
    const echoed = lines.map((l) => l.trim()).find((l) => /^[0-9A-Z]{5}$/.test(l));
    return {
      id: c.id, client: 'psql' as const, version, attribute: ':LAST_ERROR_SQLSTATE',
      raised: error ? { class: error[1], module: 'psql', sqlstate: error[2], message: `${error[1]}:  ${error[2]}: ${error[3]}`, specific: false } : null,
      ...(endsServer(c.how) ? {} : { snippet: { caught: echoed === c.code, printed: echoed ?? '' } }),
    };
  }));
}
