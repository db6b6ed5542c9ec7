# Runs each case through one Python client and prints, per case, what the client raised: class
# and module, the SQLSTATE its attribute held, the message, whether the client has a class of its
# own for the code, and whether the snippet the site shows for this client caught it.
#   stdin:  {"client": "psycopg" | "psycopg2" | "asyncpg" | "sqlalchemy" | "django", "conn": {host, port, user, password, dbname},
#            "cases": [{"id", "code", "conn"?: {...overrides}, "statements": [...], "snippet"?: text}]}
#   stdout: one JSON object per case
# Each client family has its module: probe_dbapi.py (psycopg, psycopg2), probe_asyncpg.py,
# probe_orm.py (SQLAlchemy, Django); probe_common.py holds what they all report.
import json
import sys

job = json.load(sys.stdin)
client = job["client"]
if client in ("psycopg", "psycopg2"):
    from probe_dbapi import main
elif client == "asyncpg":
    from probe_asyncpg import main
elif client in ("sqlalchemy", "django"):
    from probe_orm import main
else:
    sys.exit(f"probe.py: unknown client {client!r}")
main(job)
