# What every Python probe reports per case (see probe.py).
import json


def emit(case, fields):
    print(json.dumps({"id": case["id"], **fields}), flush=True)


def escaped(error):
    return {"caught": False, "escaped": f"{type(error).__module__}.{type(error).__qualname__}"}


def raised(error, sqlstate, specific):
    cls = type(error)
    return {"class": cls.__qualname__, "module": cls.__module__, "sqlstate": sqlstate,
            "message": str(error).strip().split("\n")[0], "specific": specific}
