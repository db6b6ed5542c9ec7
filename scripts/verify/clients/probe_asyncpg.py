# asyncpg: its own exception classes, looked up by SQLSTATE.
import asyncio
import contextlib
import io

from probe_common import emit, escaped, raised


def main(job):
    client = job["client"]
    import asyncpg
    from asyncpg.exceptions._base import PostgresMessageMeta

    async def connect(info):
        # libpq's connect_timeout and sslmode are asyncpg's timeout and ssl.
        extra = {"timeout": info["connect_timeout"]} if "connect_timeout" in info else {}
        if "sslmode" in info:
            extra["ssl"] = info["sslmode"]
        return await asyncpg.connect(host=info["host"], port=info["port"], user=info["user"],
                                     password=info["password"], database=info["dbname"], **extra)

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
