# SQLAlchemy and Django over psycopg2: the ORM class around the driver's error.
import contextlib
import io

from probe_common import emit, escaped, raised


def main(job):
    client = job["client"]
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
            # connect_timeout and sslmode go to psycopg2 as libpq settings, through the URL's query.
            query = {k: str(other[k]) for k in ("connect_timeout", "sslmode") if k in other}
            return sqlalchemy.create_engine(
                sqlalchemy.engine.URL.create("postgresql+psycopg2", username=other["user"], password=other["password"],
                                             host=other["host"], port=other["port"], database=other["dbname"], query=query),
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
            # OPTIONS go to the driver's connect as libpq settings (connect_timeout, sslmode).
            return {"ENGINE": "django.db.backends.postgresql", "NAME": i["dbname"], "USER": i["user"],
                    "PASSWORD": i["password"], "HOST": i["host"], "PORT": i["port"],
                    "OPTIONS": {k: i[k] for k in ("connect_timeout", "sslmode") if k in i}}

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
        nonlocal shared
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
