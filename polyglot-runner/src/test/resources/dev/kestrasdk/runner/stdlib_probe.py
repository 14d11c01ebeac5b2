# Run by StandardLibraryProbe in the task profile, in a JVM of its own: GraalPy's C-API (native) modules load in
# one context per process. Every line this test reads starts with "check " or "module "; anything else a module
# prints on import is ignored.
import sys


def check(label, action):
    try:
        print("check", label, action(), flush=True)
    except BaseException as e:
        print("check", label, "failed", type(e).__name__, str(e).splitlines()[0] if str(e) else "", flush=True)


def sqlite_rows():
    import sqlite3
    db = sqlite3.connect(":memory:")
    db.execute("create table t (id integer, name text)")
    db.executemany("insert into t values (?, ?)", [(1, "a"), (2, "b")])
    return db.execute("select id, name from t order by id").fetchall()


def zoneinfo_offset():
    import datetime
    import zoneinfo
    return datetime.datetime(2026, 1, 15, 12, tzinfo=zoneinfo.ZoneInfo("Europe/Paris")).utcoffset()


check("version", lambda: f"{sys.version_info.major}.{sys.version_info.minor}")
check("sqlite3", sqlite_rows)
check("etree", lambda: __import__("xml.etree.ElementTree", fromlist=["x"]).fromstring(
    '<rows><row id="7">x</row></rows>').find("row").get("id"))
check("minidom", lambda: __import__("xml.dom.minidom", fromlist=["x"]).parseString(
    '<a><b x="1">t</b></a>').getElementsByTagName("b")[0].getAttribute("x"))
check("idna", lambda: "bücher.example".encode("idna"))
check("bz2", lambda: __import__("bz2").decompress(__import__("bz2").compress(b"kestra")))
check("zoneinfo.TZPATH", lambda: __import__("zoneinfo").TZPATH)
check("zoneinfo", zoneinfo_offset)

# Not imported: what they do on import reaches outside the script.
# crypt: GraalPy 25.0.3 fails with an internal error no `except` catches, which ends the script.
SKIPPED = {"antigravity": "opens a web browser on import (webbrowser.open)",
           "crypt": "ends the script with an internal GraalPy error no `except` catches"
                    " (UnsupportedPosixFeatureException: crypt is not supported on the java POSIX backend)"}
home = sys.prefix
for name in sorted(sys.stdlib_module_names):
    if name in SKIPPED:
        print("module", name, "skipped", SKIPPED[name], flush=True)
        continue
    try:
        __import__(name)
        print("module", name, "ok", flush=True)
    except BaseException as e:
        reason = f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}".replace(home, "<graalpy home>")
        print("module", name, "failed", reason, flush=True)
