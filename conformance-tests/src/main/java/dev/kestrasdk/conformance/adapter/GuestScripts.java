package dev.kestrasdk.conformance.adapter;

import dev.kestrasdk.runner.json.ToolJson;
import dev.kestrasdk.conformance.vectors.TypedValues;
import dev.kestrasdk.runner.ScriptLanguage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Writes a vector's calls as Python or JavaScript source, typed values as the guest's own literals (Python
 * int, float, Decimal, datetime, dict, list, set, None, an object; JavaScript number, BigInt, Date, object,
 * array, Map, Set, Symbol), so the binding sees what a script author's values would be. Several cases go into one
 * script; each runs in its own try block and reports on stdout:
 *
 * <pre>
 * @@case &lt;id&gt;            (also on stderr, where WARN and ERROR logs go)
 * ... the lines its calls print ...
 * @@ok | @@error &lt;exception type&gt; &lt;message&gt;
 * </pre>
 *
 * Strings escape '{' and '}' so that no script text looks like a template to the runner ({{ or {%).
 */
public final class GuestScripts {
    public static final String CASE = "@@case ";
    public static final String OK = "@@ok";
    public static final String ERROR = "@@error ";

    private final ScriptLanguage language;
    private final StringBuilder out = new StringBuilder();
    private int count;

    public GuestScripts(ScriptLanguage language) {
        this.language = language;
        out.append(python() ? PYTHON_PRELUDE : JS_PRELUDE);
    }

    private boolean python() {
        return language == ScriptLanguage.PYTHON;
    }

    public void add(String id, String callsJson) {
        List<?> calls = (List<?>) ToolJson.readExact(callsJson);
        int n = count++;
        if (python()) {
            out.append("def _c").append(n).append("():\n");
            for (Object call : calls) {
                out.append("    ").append(call((Map<?, ?>) call)).append('\n');
            }
            out.append("_case(\"").append(id).append("\", _c").append(n).append(")\n");
        } else {
            out.append("_case(\"").append(id).append("\", () => {\n");
            for (Object call : calls) {
                out.append("  ").append(call((Map<?, ?>) call)).append(";\n");
            }
            out.append("});\n");
        }
    }

    public String text() {
        String text = out.toString();
        if (text.contains("{{") || text.contains("{%")) {
            throw new IllegalStateException("the script would be rendered as a template");
        }
        return text;
    }

    private static final String PYTHON_PRELUDE = """
            import sys
            from decimal import Decimal
            from datetime import date, datetime, time, timedelta, timezone
            from kestra import Kestra

            def _nest(depth, leaf):
                v = leaf
                for _ in range(depth):
                    v = [v]
                return v

            def _cycle():
                d = dict()
                d["self"] = d
                return d

            class _Unsupported:
                pass

            def _tz(seconds):
                return timezone(timedelta(seconds=seconds))

            _log = Kestra.logger()

            def _case(name, body):
                print("@@case " + name, flush=True)
                print("@@case " + name, file=sys.stderr, flush=True)
                try:
                    body()
                    print("@@ok", flush=True)
                except BaseException as e:
                    text = str(e).replace("\\n", "\\\\n").encode("ascii", "backslashreplace").decode("ascii")
                    print("@@error " + type(e).__name__ + " " + text, flush=True)

            """;

    private static final String JS_PRELUDE = """
            'use strict';
            const Kestra = require('@kestra-io/libs');
            const _log = Kestra.logger();
            function _nest(depth, leaf) {
              let v = leaf;
              for (let i = 0; i < depth; i++) v = [v];
              return v;
            }
            function _cycle() {
              const d = new Object();
              d.self = d;
              return d;
            }
            function _case(name, body) {
              console.log('@@case ' + name);
              console.error('@@case ' + name);
              try {
                body();
                console.log('@@ok');
              } catch (e) {
                const type = e !== null && e !== undefined && e.constructor ? e.constructor.name : typeof e;
                console.log('@@error ' + type + ' ' + String(e && e.message).replace(/\\n/g, '\\\\n'));
              }
            }
            """;

    // ---- calls ------------------------------------------------------------------------------------------

    private String call(Map<?, ?> call) {
        String verb = (String) call.get("verb");
        Map<?, ?> args = (Map<?, ?>) call.get("args");
        switch (verb) {
            case "outputs", "assets" -> {
                return "Kestra." + verb + "(" + value(args.get("values")) + ")";
            }
            case "log" -> {
                String level = ((String) args.get("level")).toLowerCase();
                if (python() && level.equals("warn")) {
                    level = "warning";
                }
                StringBuilder b = new StringBuilder("_log.").append(level).append('(');
                List<?> messages = (List<?>) args.get("messages");
                for (int i = 0; i < messages.size(); i++) {
                    b.append(i > 0 ? ", " : "").append(value(messages.get(i)));
                }
                return b.append(')').toString();
            }
            default -> {
                StringBuilder b = new StringBuilder("Kestra.").append(verb).append('(').append(value(args.get("name")))
                        .append(", ").append(value(args.get("value")));
                if (args.containsKey("tags")) {
                    b.append(", ").append(value(args.get("tags")));
                }
                return b.append(')').toString();
            }
        }
    }

    // ---- values -----------------------------------------------------------------------------------------

    private String value(Object raw) {
        if (raw == null) {
            return python() ? "None" : "null";
        }
        if (raw instanceof Boolean b) {
            return python() ? (b ? "True" : "False") : b.toString();
        }
        if (raw instanceof String s) {
            return string(s);
        }
        if (raw instanceof ToolJson.Num n) {
            return n.text();
        }
        if (raw instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                b.append(i > 0 ? ", " : "").append(value(l.get(i)));
            }
            return b.append(']').toString();
        }
        String tag = TypedValues.tagOf(raw);
        if (tag == null) {
            Map<?, ?> m = (Map<?, ?>) raw;
            if (m.isEmpty()) {
                return python() ? "dict()" : "new Object()";
            }
            StringBuilder b = new StringBuilder("{ ");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(i++ > 0 ? ", " : "");
                b.append(python() ? string((String) e.getKey()) : "[" + string((String) e.getKey()) + "]");
                b.append(": ").append(value(e.getValue()));
            }
            return b.append(" }").toString();
        }
        Object p = TypedValues.payload(raw);
        Object java = TypedValues.decode(raw, "");
        switch (tag) {
            case "$int" -> {
                return python() ? (String) p : p + "n";
            }
            case "$float", "$float32" -> {
                return (python() ? "float(" : "Number(") + string((String) p) + ")";
            }
            case "$decimal" -> {
                requirePython(tag);
                return "Decimal(" + string((String) p) + ")";
            }
            case "$datetime" -> {
                if (java instanceof LocalDateTime t) {
                    requirePython(tag);
                    return "datetime(" + date(t.toLocalDate()) + ", " + time(t.toLocalTime()) + ")";
                }
                OffsetDateTime t = (OffsetDateTime) java;
                if (!python()) {
                    return "new Date(" + t.toInstant().toEpochMilli() + ")";
                }
                return "datetime(" + date(t.toLocalDate()) + ", " + time(t.toLocalTime()) + ", tzinfo=_tz("
                        + t.getOffset().getTotalSeconds() + "))";
            }
            case "$date" -> {
                requirePython(tag);
                return "date(" + date((LocalDate) java) + ")";
            }
            case "$time" -> {
                requirePython(tag);
                if (java instanceof OffsetTime t) {
                    return "time(" + time(t.toLocalTime()) + ", tzinfo=_tz(" + t.getOffset().getTotalSeconds() + "))";
                }
                return "time(" + time((LocalTime) java) + ")";
            }
            case "$instant" -> {
                Instant t = (Instant) java;
                if (!python()) {
                    return "new Date(" + t.toEpochMilli() + ")";
                }
                LocalDateTime utc = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
                return "datetime(" + date(utc.toLocalDate()) + ", " + time(utc.toLocalTime()) + ", tzinfo=timezone.utc)";
            }
            case "$duration" -> {
                requirePython(tag);
                Duration d = (Duration) java;
                return "timedelta(seconds=" + d.getSeconds() + ", microseconds=" + d.getNano() / 1000 + ")";
            }
            case "$map" -> {
                List<?> pairs = (List<?>) p;
                StringBuilder b = new StringBuilder(python() ? "{ " : "new Map([");
                for (int i = 0; i < pairs.size(); i++) {
                    List<?> kv = (List<?>) pairs.get(i);
                    b.append(i > 0 ? ", " : "");
                    b.append(python() ? value(kv.get(0)) + ": " + value(kv.get(1)) : "[" + value(kv.get(0)) + ", " + value(kv.get(1)) + "]");
                }
                return pairs.isEmpty() ? (python() ? "dict()" : "new Map()") : b.append(python() ? " }" : "])").toString();
            }
            case "$set" -> {
                List<?> items = (List<?>) p;
                StringBuilder b = new StringBuilder(python() ? "set([" : "new Set([");
                for (int i = 0; i < items.size(); i++) {
                    b.append(i > 0 ? ", " : "").append(value(items.get(i)));
                }
                return b.append("])").toString();
            }
            case "$repeat" -> {
                List<?> r = (List<?>) p;
                return python() ? "(" + string((String) r.get(0)) + " * " + r.get(1) + ")"
                        : string((String) r.get(0)) + ".repeat(" + r.get(1) + ")";
            }
            case "$nest" -> {
                Map<?, ?> spec = (Map<?, ?>) p;
                return "_nest(" + spec.get("depth") + ", " + value(spec.get("leaf")) + ")";
            }
            case "$cycle" -> {
                return "_cycle()";
            }
            case "$unsupported" -> {
                return python() ? "_Unsupported()" : "Symbol(" + string((String) p) + ")";
            }
            default -> throw new IllegalArgumentException("unknown tag " + tag);
        }
    }

    private void requirePython(String tag) {
        if (!python()) {
            throw new IllegalArgumentException(tag + " has no JavaScript value (the case's js note says so)");
        }
    }

    private static String date(LocalDate d) {
        return d.getYear() + ", " + d.getMonthValue() + ", " + d.getDayOfMonth();
    }

    private static String time(LocalTime t) {
        return t.getHour() + ", " + t.getMinute() + ", " + t.getSecond() + ", " + t.getNano() / 1000;
    }

    /** A string literal of the guest: ASCII, every other code unit or code point escaped; braces escaped. */
    private String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '"' || cp == '\\') {
                b.append('\\').append((char) cp);
            } else if (cp >= 0x20 && cp < 0x7f && cp != '{' && cp != '}') {
                b.append((char) cp);
            } else if (cp <= 0xffff) {
                b.append(String.format("\\u%04x", cp));
            } else if (python()) {
                b.append(String.format("\\U%08x", cp));
            } else {
                b.append(String.format("\\u%04x\\u%04x", (int) Character.highSurrogate(cp), (int) Character.lowSurrogate(cp)));
            }
        }
        return b.append('"').toString();
    }
}
