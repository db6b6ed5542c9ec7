# psycopg 3 and psycopg2: one connection for all cases, the DB-API exception classes.
import contextlib
import io

from probe_common import emit, escaped, raised


def main(job):
    client = job["client"]
    if client == "psycopg":
        import psycopg as mod
        import psycopg.errors as errors
        version = mod.__version__
        sqlstate_of = lambda e: e.sqlstate
        attribute = "sqlstate"
    else:
        import psycopg2 as mod
        import psycopg2.errors as errors
        version = mod.__version__.split()[0]
        sqlstate_of = lambda e: e.pgcode
        attribute = "pgcode"

    def connect(conn_info):
        conn = mod.connect(**conn_info)
        conn.autocommit = True
        return conn

    def specific(code, error):
        """Whether the client has a class of its own for the code and raised exactly that."""
        try:
            return type(error) is errors.lookup(code)
        except KeyError:
            return False

    # One connection for all cases, opened again only after a case ended it (57P01 and the like):
    # a connection per case spends the run on authentication.
    shared = None

    def session():
        nonlocal shared
        if shared is None or shared.closed:
            shared = connect(job["conn"])
        return shared

    def finish():
        with contextlib.suppress(Exception):
            if not shared.closed:
                shared.cursor().execute("RESET ALL")

    for case in job["cases"]:
        fields = {"client": client, "version": version, "attribute": attribute}
        try:
            if case.get("conn"):
                connect({**job["conn"], **case["conn"]}).close()
            else:
                cur = session().cursor()
                for statement in case["statements"]:
                    cur.execute(statement)
            fields["raised"] = None
        except mod.Error as e:
            fields["raised"] = raised(e, sqlstate_of(e), specific(case["code"], e))
        finish()
        if case.get("snippet"):
            # The page's snippet, run as shown: `cur` and `sql` are the reader's cursor and statement.
            cur = session().cursor()
            for statement in case["statements"][:-1]:
                cur.execute(statement)
            out = io.StringIO()
            try:
                with contextlib.redirect_stdout(out):
                    exec(case["snippet"], {mod.__name__: mod, "cur": cur, "sql": case["statements"][-1]})
                fields["snippet"] = {"caught": True, "printed": out.getvalue().strip()}
            except Exception as e:
                fields["snippet"] = escaped(e)
            finish()
        emit(case, fields)
