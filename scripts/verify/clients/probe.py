# Runs each case through one Python client and prints, per case, what the client raised: class
# and module, the SQLSTATE its attribute held, the message, whether the client has a class of its
# own for the code, and whether the snippet the site shows for this client caught it.
#   stdin:  {"client": "psycopg" | "psycopg2" | "asyncpg", "conn": {host, port, user, password, dbname},
#            "cases": [{"id", "code", "conn"?: {...overrides}, "statements": [...], "snippet"?: text}]}
#   stdout: one JSON object per case
import asyncio
import contextlib
import io
import json
import sys

job = json.load(sys.stdin)
client = job["client"]


def emit(case, fields):
    print(json.dumps({"id": case["id"], **fields}), flush=True)


def escaped(error):
    return {"caught": False, "escaped": f"{type(error).__module__}.{type(error).__qualname__}"}


def raised(error, sqlstate, specific):
    cls = type(error)
    return {"class": cls.__qualname__, "module": cls.__module__, "sqlstate": sqlstate,
            "message": str(error).strip().split("\n")[0], "specific": specific}


if client in ("psycopg", "psycopg2"):
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
        global shared
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

elif client == "asyncpg":
    import asyncpg
    from asyncpg.exceptions._base import PostgresMessageMeta

    async def connect(info):
        return await asyncpg.connect(host=info["host"], port=info["port"], user=info["user"],
                                     password=info["password"], database=info["dbname"])

    async def main():
        shared = None

        async def session():
            nonlocal shared
            if shared is None or shared.is_closed():
                shared = await connect(job["conn"])
            return shared

        async def finish():
            with contextlib.suppress(Exception):
                if not shared.is_closed():
                    await shared.execute("RESET ALL")

        for case in job["cases"]:
            fields = {"client": client, "version": asyncpg.__version__, "attribute": "sqlstate"}
            try:
                if case.get("conn"):
                    await (await connect({**job["conn"], **case["conn"]})).close()
                else:
                    conn = await session()
                    for statement in case["statements"]:
                        await conn.execute(statement)
                fields["raised"] = None
            except asyncpg.PostgresError as e:
                fields["raised"] = raised(e, e.sqlstate, PostgresMessageMeta._message_map.get(case["code"]) is type(e))
            except Exception as e:
                fields["raised"] = raised(e, getattr(e, "sqlstate", None), False)
            await finish()
            if case.get("snippet"):
                conn = await session()
                for statement in case["statements"][:-1]:
                    await conn.execute(statement)
                source = "async def _snippet(conn, sql):\n" + "".join(f"    {line}\n" for line in case["snippet"].split("\n"))
                space = {"asyncpg": asyncpg}
                exec(source, space)
                out = io.StringIO()
                try:
                    with contextlib.redirect_stdout(out):
                        await space["_snippet"](conn, case["statements"][-1])
                    fields["snippet"] = {"caught": True, "printed": out.getvalue().strip()}
                except Exception as e:
                    fields["snippet"] = escaped(e)
                await finish()
            emit(case, fields)

    asyncio.run(main())

elif client in ("sqlalchemy", "django"):
    # ORMs over psycopg2: what they wrap the driver's error in. The SQLSTATE stays on the
    # driver's exception (SQLAlchemy's e.orig, Django's e.__cause__).
    import psycopg2

    if client == "sqlalchemy":
        import sqlalchemy
        version = sqlalchemy.__version__
        info = job["conn"]
        engine = sqlalchemy.create_engine(
            sqlalchemy.engine.URL.create("postgresql+psycopg2", username=info["user"], password=info["password"],
                                         host=info["host"], port=info["port"], database=info["dbname"]),
            isolation_level="AUTOCOMMIT", poolclass=sqlalchemy.pool.NullPool)

        def open_session(overrides):
            if not overrides:
                return engine.connect()
            other = {**info, **overrides}
            return sqlalchemy.create_engine(
                sqlalchemy.engine.URL.create("postgresql+psycopg2", username=other["user"], password=other["password"],
                                             host=other["host"], port=other["port"], database=other["dbname"]),
                poolclass=sqlalchemy.pool.NullPool).connect()

        run = lambda conn, statement: conn.execute(sqlalchemy.text(statement))
        original = lambda e: e.orig
        base = sqlalchemy.exc.DBAPIError
        names = lambda conn, sql: {"sqlalchemy": sqlalchemy, "conn": conn, "sql": sql}
        usable = lambda conn: not conn.closed and not conn.invalidated
    else:
        import django
        from django.conf import settings
        info = job["conn"]

        def database(overrides):
            i = {**info, **(overrides or {})}
            return {"ENGINE": "django.db.backends.postgresql", "NAME": i["dbname"], "USER": i["user"],
                    "PASSWORD": i["password"], "HOST": i["host"], "PORT": i["port"]}

        settings.configure(DATABASES={"default": database(None)}, USE_TZ=True)
        django.setup()
        import django.db
        import django.db.utils
        version = django.get_version()

        def open_session(overrides):
            if overrides:
                from django.db.backends.postgresql.base import DatabaseWrapper
                wrapper = DatabaseWrapper({**database(overrides), **{k: v for k, v in django.db.connection.settings_dict.items() if k not in database(None)}}, alias="other")
                wrapper.ensure_connection()
                return wrapper
            return django.db.connection

        def run(conn, statement):
            with conn.cursor() as cur:
                cur.execute(statement)

        original = lambda e: e.__cause__
        base = django.db.utils.Error
        names = lambda conn, sql: {"django": django, "connection": conn, "sql": sql}

        def usable(conn):
            if conn.connection is not None and not conn.is_usable():
                conn.close()
            return True

    def pgcode(e):
        orig = original(e)
        return getattr(orig, "pgcode", None)

    shared = None

    def session():
        global shared
        if shared is None or not usable(shared):
            shared = open_session(None)
        return shared

    for case in job["cases"]:
        fields = {"client": client, "version": version, "attribute": "e.orig.pgcode" if client == "sqlalchemy" else "e.__cause__.pgcode"}
        try:
            if case.get("conn"):
                open_session(case["conn"]).close()
            else:
                conn = session()
                for statement in case["statements"]:
                    run(conn, statement)
            fields["raised"] = None
        except base as e:
            fields["raised"] = raised(e, pgcode(e), False)
        except Exception as e:  # a driver error the ORM did not wrap
            fields["raised"] = raised(e, getattr(e, "pgcode", None), False)
        with contextlib.suppress(Exception):
            run(session(), "RESET ALL")
        if case.get("snippet"):
            conn = session()
            for statement in case["statements"][:-1]:
                run(conn, statement)
            out = io.StringIO()
            try:
                with contextlib.redirect_stdout(out):
                    exec(case["snippet"], names(conn, case["statements"][-1]))
                fields["snippet"] = {"caught": True, "printed": out.getvalue().strip()}
            except Exception as e:
                fields["snippet"] = escaped(e)
            with contextlib.suppress(Exception):
                run(session(), "RESET ALL")
        emit(case, fields)
