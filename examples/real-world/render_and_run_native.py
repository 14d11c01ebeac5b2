#!/usr/bin/env python3
"""Fixture tool for the real-world corpus (examples/real-world/, issue 18).

For each case folder (<name>/script.py|.js|.mjs, case.json, SOURCE.md) it can:

  native   render the script's templates from case.json, run it with its own runtime as Kestra's process
           runner would (CPython 3.11 from .venv with PyPI kestra==2.0.0; Node with node_modules/ from
           package.json here) in a fresh temporary directory, with the case's env, args and input files,
           against the case's loopback stand-in (standins/) if it calls a web service; then read the
           captured output with this project's `./kestra-sdk parse --json` and write <name>/expected.json.
  runner   run the script through this project's runner as it is today (`./kestra-sdk run SCRIPT
           --input k=v ... --env K=V ... --json -- ARGS`, the options issue 18's acceptance allows, nothing else) in a fresh temporary directory holding the case's input
           files (and, for JavaScript, a copy of node_modules/, as the task's `npm install` leaves it), the
           script unrendered (only a "rewrite-host" stand-in change applied), compare its reading with
           expected.json (exit code, the failure's type when the native run failed, outputs, metrics,
           logs) and write <name>/runner-today.json.
  table    print the table of the corpus (language, needs, native result, runner result today) and write
           it into README.md between the generated-table markers.

  python3 examples/real-world/render_and_run_native.py native [NAME...]
  python3 examples/real-world/render_and_run_native.py runner [NAME...]
  python3 examples/real-world/render_and_run_native.py table

Setting up the native runtimes (once; neither is committed):
  python3.11 -m venv examples/real-world/.venv
  examples/real-world/.venv/bin/pip install -r examples/real-world/requirements-native.txt
  (cd examples/real-world && npm ci)

Rendering. Kestra renders an inline script with Pebble before it runs. This tool renders the small subset
of Pebble the corpus uses, from case.json: variables `inputs`, `vars`, `outputs`, `taskrun`, `execution`,
`flow`, `workingDir`, `outputDir` (the last two are the run's real temporary folders), member and index
access; the operators `??` (null/undefined coalescing) and `~` (concatenation); the functions `now()` (the
fixed instant templateContext.now, so readings are stable; Kestra gives the current time), `kv(key,
errorOnMissing=...)` (templateContext.kv), `secret(name)` (templateContext.secrets), `fromJson`, `render`;
the filters `default`, `date` (Java patterns, UTC), `replace` (Kestra's: a map of pairs and a boolean
`regexp`; `replace('a', 'b')` fails as it fails in Kestra, which casts 'b' to Boolean), `slice(from, to)`, `jq` (paths of
the form .a.b only; a list of results, as Kestra's jackson-jq gives), `first`, `json`/`toJson`. Values
print as Pebble prints them in Kestra: strings as they are, numbers as Java prints them, booleans as
true/false, null as nothing, lists and maps as JSON. An unknown variable is an error, as in Kestra
(strict variables). Anything else raises an error naming the expression. A template that does not render
is recorded as Kestra records it: the task fails before its script runs (expected.json: exit code 1, a
TemplateError failure, nothing read).

Stand-ins. A case whose script calls a web service has "standin" in case.json: the server module under
standins/ (each a small http.server on 127.0.0.1, a free port) and how the script is pointed at it:
"rewrite-host" (the URL is a literal in the script: the rendered script's scheme and host are replaced by
http://127.0.0.1:PORT, the only change made to a script) or "templateContext" (the URL comes from a
template value: "{port}" in templateContext values is replaced by the stand-in's port).

Reading. Standard output then standard error are given to `./kestra-sdk parse --json` as one text (Kestra
reads protocol lines from both streams; the order between the two streams is not kept by a pipe either).
Values listed in case.json "varying" ("outputs.KEY", "outputs.*", "metrics.NAME.value", "metrics.*.value",
"files") are recorded as "<varies>" and not compared; ISO-8601 timestamps inside log messages (PyPI kestra's
logger starts each message with one) are recorded as "<time>".

Environment of a native run: PATH (the venv's bin first), HOME (the run's temporary folder), LANG=C.UTF-8,
then the case's env; nothing else is inherited.
"""
import datetime as _dt
import glob
import hashlib
import http.server
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
VENV_PY = os.path.join(HERE, ".venv", "bin", "python")
KESTRA_SDK = os.path.join(REPO, "kestra-sdk")
VARIES = "<varies>"
WORKDIR = re.compile(re.escape(tempfile.gettempdir()) + r"/kestra-corpus-[A-Za-z0-9_]+")
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)")
TIMEOUT = 180


# ----------------------------------------------------------------------------------------------- Pebble subset
class Undefined(Exception):
    pass


class TemplateError(Exception):
    pass


_TOKEN = re.compile(r"""\s*(?:
    (?P<num>\d+(?:\.\d+)?)
  | (?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<op>\?\?|[.|()\[\],=~])
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
)""", re.X)


def _tokens(expr):
    pos, out = 0, []
    expr = expr.strip()
    while pos < len(expr):
        m = _TOKEN.match(expr, pos)
        if not m or m.end() == pos:
            raise TemplateError(f"cannot read expression at {expr[pos:]!r}")
        pos = m.end()
        kind = m.lastgroup
        text = m.group(kind)
        if kind == "str":
            text = re.sub(r"\\(.)", r"\1", text[1:-1])
        out.append((kind, text))
    return out


class _Parser:
    def __init__(self, expr, ctx, renderer):
        self.t = _tokens(expr)
        self.i = 0
        self.ctx = ctx
        self.r = renderer
        self.expr = expr

    def peek(self, text=None):
        if self.i >= len(self.t):
            return None
        tok = self.t[self.i]
        return tok if text is None or tok[1] == text else None

    def take(self, text=None):
        tok = self.peek(text)
        if tok is None:
            raise TemplateError(f"expected {text!r} in {self.expr!r}")
        self.i += 1
        return tok

    def parse(self):
        v = self.coalesce()
        if self.peek() is not None:
            raise TemplateError(f"unexpected {self.peek()[1]!r} in {self.expr!r}")
        return v

    # coalesce := concat ('??' concat)*   (lazy: the left side's Undefined is caught)
    def coalesce(self):
        try:
            v = self.concat()
        except Undefined:
            v = None
        while self.peek("??"):
            self.take("??")
            start = self.i
            try:
                w = self.concat()
            except Undefined:
                w = None
            if v is None:
                v = w
            _ = start
        return v

    def concat(self):
        v = self.filtered()
        while self.peek("~"):
            self.take("~")
            v = self.r.to_text(v) + self.r.to_text(self.filtered())
        return v

    def filtered(self):
        v = self.postfix(self.primary())
        while self.peek("|"):
            self.take("|")
            name = self.take()[1]
            args, kwargs = ([], {})
            if self.peek("("):
                args, kwargs = self.arguments()
            v = self.r.filter(name, v, args, kwargs)
        return v

    def arguments(self):
        self.take("(")
        args, kwargs = [], {}
        while not self.peek(")"):
            if self.peek() and self.peek()[0] == "name" and self.i + 1 < len(self.t) and self.t[self.i + 1][1] == "=":
                key = self.take()[1]
                self.take("=")
                kwargs[key] = self.coalesce()
            else:
                args.append(self.coalesce())
            if self.peek(","):
                self.take(",")
        self.take(")")
        return args, kwargs

    def primary(self):
        kind, text = self.take()
        if kind == "num":
            return float(text) if "." in text else int(text)
        if kind == "str":
            return text
        if text == "(":
            v = self.coalesce()
            self.take(")")
            return v
        if kind == "name":
            if text in ("true", "false"):
                return text == "true"
            if text in ("null", "none"):
                return None
            if self.peek("("):
                args, kwargs = self.arguments()
                return self.r.function(text, args, kwargs)
            if text not in self.ctx:
                raise Undefined(text)
            return self.ctx[text]
        raise TemplateError(f"unexpected {text!r} in {self.expr!r}")

    def postfix(self, v):
        while True:
            if self.peek("."):
                self.take(".")
                v = self.member(v, self.take()[1])
            elif self.peek("["):
                self.take("[")
                key = self.coalesce()
                self.take("]")
                v = self.member(v, key)
            else:
                return v

    @staticmethod
    def member(v, key):
        if isinstance(v, dict) and key in v:
            return v[key]
        if isinstance(v, list) and isinstance(key, int) and -len(v) <= key < len(v):
            return v[key]
        raise Undefined(str(key))


def _java_date(pattern):
    out, i = [], 0
    table = [("yyyy", "%Y"), ("MM", "%m"), ("dd", "%d"), ("HH", "%H"), ("mm", "%M"), ("ss", "%S")]
    while i < len(pattern):
        for j, py in table:
            if pattern.startswith(j, i):
                out.append(py)
                i += len(j)
                break
        else:
            out.append(pattern[i].replace("%", "%%"))
            i += 1
    return "".join(out)


def _as_datetime(v):
    if isinstance(v, _dt.datetime):
        return v
    return _dt.datetime.fromisoformat(str(v).replace("Z", "+00:00"))


class Renderer:
    def __init__(self, ctx, context_extra):
        self.ctx = ctx
        self.extra = context_extra

    def to_text(self, v):
        if v is None:
            return ""
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (dict, list)):
            return json.dumps(v, separators=(",", ":"), ensure_ascii=False)
        if isinstance(v, _dt.datetime):
            return v.isoformat().replace("+00:00", "Z")
        return str(v)

    def eval(self, expr):
        try:
            return _Parser(expr, self.ctx, self).parse()
        except Undefined as e:
            raise TemplateError(f"unknown variable {e} in {{{{{expr}}}}} (known: {sorted(self.ctx)})")

    def render(self, text):
        def sub(m):
            return self.to_text(self.eval(m.group(1)))
        if "{%" in text:
            raise TemplateError("tags ({% ... %}) are not supported by this fixture")
        return re.sub(r"\{\{(.*?)\}\}", sub, text, flags=re.S)

    def function(self, name, args, kwargs):
        if name == "now":
            return _as_datetime(self.extra.get("now", "2026-11-30T15:45:00Z"))
        if name == "kv":
            kv = self.extra.get("kv", {})
            if args[0] in kv:
                return kv[args[0]]
            if kwargs.get("errorOnMissing", True) is False:
                return None
            raise TemplateError(f"kv('{args[0]}'): no such key")
        if name == "secret":
            secrets = self.extra.get("secrets", {})
            if args[0] not in secrets:
                raise TemplateError(f"secret('{args[0]}'): no such secret")
            return secrets[args[0]]
        if name == "fromJson":
            return json.loads(args[0])
        if name == "render":
            return self.render(args[0])
        raise TemplateError(f"function {name}() is not supported by this fixture")

    def filter(self, name, v, args, kwargs):
        if name == "default":
            return args[0] if v in (None, "", [], {}) else v
        if name == "date":
            return _as_datetime(v).astimezone(_dt.timezone.utc).strftime(_java_date(args[0]))
        if name == "replace":
            # Kestra's ReplaceFilter: arguments (replace_pairs: a map, regexp: a boolean), positional or named
            pairs = kwargs.get("replace_pairs", args[0] if args else None)
            regexp = kwargs.get("regexp", args[1] if len(args) > 1 else False)
            if not isinstance(regexp, bool):
                raise TemplateError(f"replace: its second argument is the boolean 'regexp', here {regexp!r} "
                                    "(Kestra casts it to Boolean and fails: ClassCastException)")
            if not isinstance(pairs, dict):
                raise TemplateError(f"replace: 'replace_pairs' must be a map, here {pairs!r}")
            text = self.to_text(v)
            for a, b in pairs.items():
                text = re.sub(a, b, text) if regexp else text.replace(a, b)
            return text
        if name == "slice":
            return v[args[0]:args[1]]
        if name == "first":
            return v[0] if v else None
        if name in ("json", "toJson"):
            return json.dumps(v, separators=(",", ":"))
        if name == "jq":
            data = json.loads(v) if isinstance(v, str) else v
            path = [p for p in args[0].strip().split(".") if p]
            for p in path:
                data = data[p]
            return [data]
        raise TemplateError(f"filter {name} is not supported by this fixture")


# ----------------------------------------------------------------------------------------------- stand-ins
def start_standin(path):
    spec = importlib.util.spec_from_file_location("standin_" + os.path.basename(path)[:-3], os.path.join(HERE, path))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), mod.Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def point_at_standin(case, script_text, port):
    """Returns (script text, template context) pointed at the stand-in on `port`."""
    s = case.get("standin")
    extra = json.loads(json.dumps(case.get("templateContext", {})).replace("{port}", str(port)))
    if s and s["how"] == "rewrite-host":
        script_text = script_text.replace(s["from"], f"http://127.0.0.1:{port}")
    return script_text, extra


# ----------------------------------------------------------------------------------------------- runs
def case_names(selected):
    names = sorted(d for d in os.listdir(HERE) if os.path.isfile(os.path.join(HERE, d, "case.json")))
    if selected:
        missing = [n for n in selected if n not in names]
        if missing:
            sys.exit(f"no such case: {', '.join(missing)}")
        return selected
    return names


def load(name):
    d = os.path.join(HERE, name)
    case = json.load(open(os.path.join(d, "case.json")))
    path = os.path.join(d, case["script"])
    if not os.path.exists(path):
        sys.exit(f"{name}: {case['script']} is missing: get it from the source "
                 f"named in {name}/SOURCE.md and check its sha256 ({case['sourceSha256']})")
    text = open(path, newline="").read()
    if hashlib.sha256(text.encode()).hexdigest() != case["sourceSha256"]:
        print(f"{name}: warning: {case['script']} is not the source's text (sha256 differs from case.json)", file=sys.stderr)
    return d, case, text


def script_file_name(case):
    return case.get("scriptName") or case["script"]


def prepare_workdir(case, text):
    work = tempfile.mkdtemp(prefix="kestra-corpus-")
    out_dir = os.path.join(work, ".outputs")
    os.makedirs(out_dir)
    for fname, content in case.get("inputFiles", {}).items():
        p = os.path.join(work, fname)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        open(p, "w", newline="").write(content)
    return work, out_dir


def files_report(case, work, out_dir):
    found = {}
    for pattern in case.get("outputFiles", []):
        pattern = pattern.split(" ")[0]
        for base in (work, out_dir):
            for p in glob.glob(os.path.join(base, pattern)):
                if os.path.isfile(p):
                    found[os.path.relpath(p, base)] = os.path.getsize(p)
    for f in os.listdir(out_dir):
        found.setdefault(f, os.path.getsize(os.path.join(out_dir, f)))
    varying = "files" in case.get("varying", [])
    return [{"name": k, "size": VARIES if varying else v} for k, v in sorted(found.items())]


def parse_reading(text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text)
        path = f.name
    try:
        p = subprocess.run([KESTRA_SDK, "parse", path, "--json"], capture_output=True, text=True, timeout=300)
        if not p.stdout.strip():
            raise RuntimeError(f"kestra-sdk parse gave nothing: {p.stderr.strip()[-500:]}")
        return json.loads(p.stdout)
    finally:
        os.unlink(path)


def mark_varying(case, reading):
    vary = case.get("varying", [])
    outs = reading["outputs"]
    for k in list(outs):
        if "outputs.*" in vary or f"outputs.{k}" in vary:
            outs[k] = VARIES
    for m in reading["metrics"]:
        if "metrics.*.value" in vary or f"metrics.{m['name']}.value" in vary:
            m["value"] = VARIES
    for log in reading["logs"]:
        # PyPI kestra's logger starts each message with the time it was written
        log["message"] = TIMESTAMP.sub("<time>", str(log["message"]))
    return reading


def run_native(name):
    d, case, text = load(name)
    if case.get("nativeRun", "").startswith("not run"):
        expected = {"nativeRun": case["nativeRun"]}
        json.dump(expected, open(os.path.join(d, "expected.json"), "w"), indent=2)
        open(os.path.join(d, "expected.json"), "a").write("\n")
        return expected
    server = start_standin(case["standin"]["server"]) if case.get("standin") else None
    try:
        port = server.server_address[1] if server else 0
        text, extra = point_at_standin(case, text, port)
        work, out_dir = prepare_workdir(case, text)
        ctx = dict(extra)
        ctx.pop("kv", None), ctx.pop("secrets", None), ctx.pop("now", None)
        ctx.update({"inputs": case.get("inputs", {}), "vars": case.get("vars", {}),
                    "workingDir": work, "outputDir": out_dir})
        try:
            rendered = Renderer(ctx, extra).render(text)
        except TemplateError as e:
            # Kestra fails the task while rendering its script: nothing runs
            expected = {"runtime": "none: the script's templates do not render in Kestra", "exitCode": 1,
                        "outputs": {}, "metrics": [], "logs": [], "problems": 0, "files": [],
                        "stdoutLines": 0, "stderrLines": 0, "failure": f"TemplateError: {e}"}
            json.dump(expected, open(os.path.join(d, "expected.json"), "w"), indent=2, ensure_ascii=False)
            open(os.path.join(d, "expected.json"), "a").write("\n")
            shutil.rmtree(work, ignore_errors=True)
            return expected
        fname = script_file_name(case)
        open(os.path.join(work, fname), "w", newline="").write(rendered)
        if case["language"] == "javascript":
            os.symlink(os.path.join(HERE, "node_modules"), os.path.join(work, "node_modules"))
            cmd = ["node", fname]
        else:
            cmd = [VENV_PY, fname]
        cmd += case.get("args", [])
        env = {"PATH": os.path.dirname(VENV_PY) + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin"),
               "HOME": work, "LANG": "C.UTF-8"}
        env.update(case.get("env", {}))
        p = subprocess.run(cmd, cwd=work, env=env, capture_output=True, timeout=TIMEOUT)
        stdout = p.stdout.decode("utf-8", "replace")
        stderr = p.stderr.decode("utf-8", "replace")
        reading = mark_varying(case, parse_reading(stdout + stderr))
        expected = {
            "runtime": "CPython " + subprocess.run([VENV_PY, "-c", "import platform;print(platform.python_version())"],
                                                   capture_output=True, text=True).stdout.strip()
            if case["language"] == "python" else "Node " + subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip(),
            "exitCode": p.returncode,
            "outputs": reading["outputs"],
            "metrics": reading["metrics"],
            "logs": reading["logs"],
            "problems": len(reading["problems"]),
            "files": files_report(case, work, out_dir),
            "stdoutLines": len(stdout.splitlines()),
            "stderrLines": len(stderr.splitlines()),
        }
        if p.returncode != 0:
            last = [l for l in stderr.splitlines() if l.strip()]
            expected["failure"] = last[-1][:300] if last else ""
        json.dump(expected, open(os.path.join(d, "expected.json"), "w"), indent=2, ensure_ascii=False)
        open(os.path.join(d, "expected.json"), "a").write("\n")
        shutil.rmtree(work, ignore_errors=True)
        return expected
    finally:
        if server:
            server.shutdown()


def _num_equal(a, b):
    if a == VARIES or b == VARIES:
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool) and not isinstance(b, bool):
        return float(a) == float(b)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_num_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_num_equal(x, y) for x, y in zip(a, b))
    return a == b


def _failure_type(text):
    head = (text or "").split(":", 1)[0].strip()
    return head.rsplit(".", 1)[-1] if head and " " not in head else head


def compare(expected, got):
    if expected["exitCode"] != got["exitCode"]:
        return f"exit code {got['exitCode']} (native {expected['exitCode']})"
    if expected["exitCode"] != 0 and _failure_type(expected.get("failure")) != _failure_type(got.get("failure")):
        return (f"fails differently: {(got.get('failure') or '?')[:90]} "
                f"(native {_failure_type(expected.get('failure'))})")
    for key in ("outputs", "metrics", "logs"):
        if not _num_equal(expected[key], got[key]):
            a, b = expected[key], got[key]
            if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
                i = next(i for i in range(len(a)) if not _num_equal(a[i], b[i]))
                a, b = a[i], b[i]
            elif isinstance(a, dict) and isinstance(b, dict):
                k = next((k for k in sorted(set(a) | set(b)) if k not in a or k not in b or not _num_equal(a[k], b[k])), None)
                a, b = {k: a.get(k)}, {k: b.get(k)}
            return f"{key} differ: native {json.dumps(a, ensure_ascii=False)[:70]}, runner {json.dumps(b, ensure_ascii=False)[:70]}"
    return None


def run_runner(name):
    d, case, text = load(name)
    expected_path = os.path.join(d, "expected.json")
    expected = json.load(open(expected_path)) if os.path.exists(expected_path) else {}
    server = start_standin(case["standin"]["server"]) if case.get("standin") else None
    try:
        port = server.server_address[1] if server else 0
        text, _ = point_at_standin(case, text, port)
        work, _ = prepare_workdir(case, text)
        fname = script_file_name(case)
        open(os.path.join(work, fname), "w", newline="").write(text)
        if case["language"] == "javascript":
            # as the task's `npm install` would leave them; a copy, since the runner refuses links leading out
            shutil.copytree(os.path.join(HERE, "node_modules"), os.path.join(work, "node_modules"))
        cmd = [KESTRA_SDK, "run", os.path.join(work, fname), "--json", "--timeout", "120s"]
        if fname.endswith(".py") is False and case["language"] == "python":
            cmd += ["--language", "python"]
        for k, v in case.get("inputs", {}).items():
            cmd += ["--input", f"{k}={json.dumps(v)}"]
        # what issue 18's acceptance allows beyond --input: --env and arguments after --
        for k, v in case.get("env", {}).items():
            cmd += ["--env", f"{k}={v}"]
        if case.get("args"):
            cmd += ["--"] + [str(a) for a in case["args"]]
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        shutil.rmtree(work, ignore_errors=True)
        result = {"command": "kestra-sdk run " + fname + " --json" + "".join(
            f" --input {k}={json.dumps(v)}" for k, v in case.get("inputs", {}).items()) + "".join(
            f" --env {k}={v}" for k, v in case.get("env", {}).items()) + (
            " -- " + " ".join(str(a) for a in case["args"]) if case.get("args") else "")}
        try:
            doc = json.loads(p.stdout)
        except ValueError:
            result.update(verdict="differs", reason=("no result: " + (p.stderr.strip().splitlines() or ["?"])[-1])[:160],
                          exitCode=p.returncode)
            json.dump(result, open(os.path.join(d, "runner-today.json"), "w"), indent=2)
            return result
        got = mark_varying(case, {"exitCode": doc.get("exitCode"), "outputs": doc.get("outputs", {}),
                                  "metrics": [{"type": m.get("type"), "name": m.get("name"), "value": m.get("value"),
                                               "tags": m.get("tags", {})} for m in doc.get("metrics", [])],
                                  "logs": [{"level": l.get("level"), "message": l.get("message")} for l in doc.get("logs", [])]})
        result.update(status=doc.get("status"), exitCode=doc.get("exitCode"),
                      reading={k: got[k] for k in ("outputs", "metrics", "logs")})
        if doc.get("failure"):
            f = doc["failure"]
            result["failure"] = WORKDIR.sub("<workdir>", f"{f.get('type')}: {f.get('message')}")[:300]
        if "exitCode" not in expected:
            result.update(verdict="no native reading", reason=expected.get("nativeRun", "expected.json missing"))
        else:
            why = compare(expected, dict(got, failure=result.get("failure")))
            if why is None:
                result.update(verdict="same", reason="")
            else:
                if doc.get("failure") and not why.startswith("fails differently"):
                    why = result["failure"].splitlines()[0][:140]
                result.update(verdict="differs", reason=why)
        json.dump(result, open(os.path.join(d, "runner-today.json"), "w"), indent=2, ensure_ascii=False)
        open(os.path.join(d, "runner-today.json"), "a").write("\n")
        return result
    finally:
        if server:
            server.shutdown()


# ----------------------------------------------------------------------------------------------- table
BEGIN, END = "<!-- generated by render_and_run_native.py table: begin -->", "<!-- generated: end -->"


def native_summary(case, exp):
    if not exp:
        return "not run yet"
    if "exitCode" not in exp:
        return exp.get("nativeRun", "not run")
    parts = [f"exit {exp['exitCode']}"]
    if exp["outputs"]:
        parts.append(f"{len(exp['outputs'])} outputs")
    if exp["metrics"]:
        parts.append(f"{len(exp['metrics'])} metrics")
    if exp["logs"]:
        parts.append(f"{len(exp['logs'])} logs")
    if exp.get("files"):
        parts.append(f"{len(exp['files'])} files")
    if exp.get("failure"):
        parts.append("`" + exp["failure"][:60].replace("|", "\\|") + "`")
    return ", ".join(parts)


def table():
    rows, counts = [], {"same": 0, "differs": 0, "other": 0}
    by_lang, by_need = {}, {}
    same_no_c, total_no_c = 0, 0
    for name in case_names([]):
        d = os.path.join(HERE, name)
        case = json.load(open(os.path.join(d, "case.json")))
        exp = json.load(open(os.path.join(d, "expected.json"))) if os.path.exists(os.path.join(d, "expected.json")) else {}
        rt = json.load(open(os.path.join(d, "runner-today.json"))) if os.path.exists(os.path.join(d, "runner-today.json")) else {}
        if rt.get("reading") and "exitCode" in exp:
            # re-judged against the current expected.json, so a new native reading needs no new runner pass
            why = compare(exp, dict(rt["reading"], exitCode=rt.get("exitCode"), failure=rt.get("failure")))
            if why is not None and rt.get("failure") and not why.startswith("fails differently"):
                why = rt["failure"].splitlines()[0][:140]
            rt.update(verdict="same" if why is None else "differs", reason=why or "")
            with open(os.path.join(d, "runner-today.json"), "w") as f:
                json.dump(rt, f, indent=2, ensure_ascii=False)
                f.write("\n")
        by_lang[case["language"]] = by_lang.get(case["language"], 0) + 1
        for n in case["needs"] or ["(nothing beyond the SDK)"]:
            by_need[n] = by_need.get(n, 0) + 1
        verdict = rt.get("verdict", "not run yet")
        counts["same" if verdict == "same" else "differs" if verdict == "differs" else "other"] += 1
        if not case.get("cExtensions") and "exitCode" in exp:
            total_no_c += 1
            same_no_c += verdict == "same"
        rt["reason"] = WORKDIR.sub("<workdir>", rt.get("reason", ""))
        rt_text = verdict + (": " + rt["reason"].replace("|", "\\|").replace("\n", " ") if rt.get("reason") else "")
        rows.append(f"| [{name}]({name}/SOURCE.md) | {case['language']} | {', '.join(case['needs']) or '-'}"
                    f"{' (C ext.)' if case.get('cExtensions') else ''} | {native_summary(case, exp)} | {rt_text} |")
    lines = [BEGIN, "",
             f"{len(rows)} scripts: " + ", ".join(f"{v} {k}" for k, v in sorted(by_lang.items())) + ".",
             "",
             "By need (a script can have several): " + ", ".join(f"{k} {v}" for k, v in sorted(by_need.items(), key=lambda kv: (-kv[1], kv[0]))) + ".",
             "",
             f"Runner today: **{counts['same']} same** reading as the native run, {counts['differs']} differ, "
             f"{counts['other']} without a native reading or not run. Of the {total_no_c} scripts that ran natively "
             f"and need no package with C extensions, {same_no_c} give the same reading.",
             "",
             "| script | language | needs | native reading | runner today |",
             "|---|---|---|---|---|"] + rows + ["", END]
    text = "\n".join(lines)
    print(text)
    readme = os.path.join(HERE, "README.md")
    body = open(readme).read() if os.path.exists(readme) else BEGIN + "\n" + END + "\n"
    if BEGIN in body and END in body:
        body = body[:body.index(BEGIN)] + text + body[body.index(END) + len(END):]
    else:
        body = body.rstrip("\n") + "\n\n" + text + "\n"
    open(readme, "w").write(body)


def main(argv):
    if not argv or argv[0] not in ("native", "runner", "table"):
        print(__doc__)
        return 2
    if argv[0] == "table":
        table()
        return 0
    for name in case_names(argv[1:]):
        try:
            r = run_native(name) if argv[0] == "native" else run_runner(name)
        except subprocess.TimeoutExpired:
            r = {"error": "timed out"}
        summary = r.get("verdict", "") + " " + r.get("reason", "") if argv[0] == "runner" else \
            (f"exit {r['exitCode']}, {len(r['outputs'])} outputs, {len(r['metrics'])} metrics, {len(r['logs'])} logs"
             if "exitCode" in r else r.get("nativeRun", r.get("error", "")))
        print(f"{name}: {summary}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
