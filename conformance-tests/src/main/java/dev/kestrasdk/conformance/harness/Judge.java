package dev.kestrasdk.conformance.harness;

import dev.kestrasdk.parse.Diagnostic;
import dev.kestrasdk.parse.LineParser;
import dev.kestrasdk.parse.ParsedLine;
import dev.kestrasdk.parse.ReportCollector;
import dev.kestrasdk.protocol.LogEntry;
import dev.kestrasdk.protocol.Metric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Judges what an adapter did for a case at both levels (docs/wire-format.md 1.2), with a reason a person can
 * act on for every failure. Kestra-equivalence is judged with {@link LineParser}, which the differential tests
 * hold equal to Kestra's own reader.
 */
public final class Judge {
    private static final int SNIPPET = 24;
    private static final int SHOWN_LINE = 100;

    private final LineParser parser = new LineParser();

    /** The two verdicts of one case. */
    public record Judgement(Verdict kestra, Verdict canonical) {
        public Verdict at(Level level) {
            return level == Level.KESTRA ? kestra : canonical;
        }
    }

    public Judgement judge(ConformanceCase kase, CaseRun run) {
        if (run.status() == CaseRun.Status.UNSUPPORTED) {
            Verdict skip = Verdict.skip("unsupported: " + run.message());
            return new Judgement(skip, skip);
        }
        if (run.broken()) {
            Verdict fail = Verdict.fail(run.message());
            return new Judgement(fail, fail);
        }
        return new Judgement(kestra(kase, run), canonical(kase, run));
    }

    // ---------------------------------------------------------------- canonical

    private Verdict canonical(ConformanceCase kase, CaseRun run) {
        List<String> expected = kase.expectedLines();
        List<String> actual = run.lines();
        ConformanceCase.ExpectedError error = kase.expectedError();
        if (error == null) {
            if (run.status() == CaseRun.Status.ERROR) {
                return Verdict.fail("the SDK raised " + raised(run) + (actual.size() < expected.size()
                        ? " after " + actual.size() + " of " + expected.size() + " lines" : ""));
            }
        } else if (actual.size() > expected.size() && actual.subList(0, expected.size()).equals(expected)) {
            return Verdict.fail("expected " + error + ", the SDK printed a line: `" + show(actual.get(expected.size())) + "`"
                    + (run.status() == CaseRun.Status.ERROR ? " (and then raised " + raised(run) + ")" : ""));
        }
        String diff = linesDiff(expected, actual);
        if (diff != null) {
            return Verdict.fail(diff);
        }
        if (!run.unterminated().isEmpty()) {
            return Verdict.fail("line " + (run.unterminated().get(0) + 1) + " does not end with LF (the status line followed it)");
        }
        if (error != null) {
            if (run.status() != CaseRun.Status.ERROR) {
                return Verdict.fail("expected " + error + ", the SDK raised no error and printed nothing");
            }
            if (!error.kind().equals(run.kind())) {
                return Verdict.fail("expected " + error + ", got " + raised(run));
            }
            if (error.path() != null && !run.message().startsWith(error.path() + ":")) {
                return Verdict.fail("expected " + error + ", got " + raised(run)
                        + ", whose message does not start with `" + ConformanceCase.shortPath(error.path()) + ":`");
            }
        }
        return Verdict.PASS;
    }

    /** Where two lists of lines first differ, or {@code null}. */
    static String linesDiff(List<String> expected, List<String> actual) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            String e = expected.get(i);
            String a = actual.get(i);
            if (!e.equals(a)) {
                int k = 0;
                while (k < e.length() && k < a.length() && e.charAt(k) == a.charAt(k)) {
                    k++;
                }
                return "line " + (i + 1) + " differs at column " + (k + 1) + ": expected `" + snippet(e, k)
                        + "`, got `" + snippet(a, k) + "`";
            }
        }
        if (actual.size() > expected.size()) {
            return "expected " + count(expected.size(), "line") + ", got " + actual.size() + ": line " + (n + 1)
                    + " is extra: `" + show(actual.get(n)) + "`";
        }
        if (actual.size() < expected.size()) {
            return "expected " + count(expected.size(), "line") + ", got " + actual.size() + ": line " + (n + 1)
                    + " is missing: `" + show(expected.get(n)) + "`";
        }
        return null;
    }

    private static String snippet(String s, int from) {
        if (from >= s.length()) {
            return "(end of line)";
        }
        return display(s.substring(from, Math.min(s.length(), from + SNIPPET))) + (from + SNIPPET < s.length() ? "..." : "");
    }

    // ---------------------------------------------------------------- Kestra-equivalent

    private Verdict kestra(ConformanceCase kase, CaseRun run) {
        ConformanceCase.ExpectedError error = kase.expectedError();
        List<String> protocolLines = new ArrayList<>();
        ReportCollector actual = new ReportCollector(parser);
        for (int i = 0; i < run.lines().size(); i++) {
            ParsedLine p = parser.parse(run.lines().get(i));
            actual.add(p);
            if (p.dropped()) {
                Diagnostic d = p.diagnostics().get(0);
                return Verdict.fail((p.verdict() == ParsedLine.Verdict.REJECTED
                        ? "Kestra would reject line " + (i + 1) + ": "
                        : "Kestra would not see line " + (i + 1) + " as a protocol line: ")
                        + "[" + d.code() + "] " + AdapterProcess.shorten(d.message()));
            }
            if (p.accepted()) {
                protocolLines.add(run.lines().get(i));
            }
        }
        int expectedCount = kase.expectedLines().size();
        if (error == null && run.status() == CaseRun.Status.ERROR) {
            return Verdict.fail("the SDK raised " + raised(run));
        }
        if (error != null && protocolLines.size() > expectedCount) {
            return Verdict.fail("expected " + error + ", the SDK printed a line: `" + show(protocolLines.get(expectedCount)) + "`"
                    + (run.status() == CaseRun.Status.ERROR ? " (and then raised " + raised(run) + ")" : ""));
        }
        if (protocolLines.size() != expectedCount) {
            return Verdict.fail("expected " + count(expectedCount, "protocol line") + ", got " + protocolLines.size()
                    + (protocolLines.size() < expectedCount ? ": missing `" + show(kase.expectedLines().get(protocolLines.size())) + "`" : ""));
        }
        ReportCollector expected = new ReportCollector(parser);
        kase.expectedLines().forEach(expected::accept);
        String diff = dataDiff(expected, actual);
        if (diff != null) {
            return Verdict.fail(diff);
        }
        if (error != null && run.status() != CaseRun.Status.ERROR) {
            return Verdict.fail("expected " + error + ", the SDK raised no error and printed nothing");
        }
        return Verdict.PASS;
    }

    /** The first difference between what Kestra takes from two outputs, or {@code null}. */
    static String dataDiff(ReportCollector expected, ReportCollector actual) {
        String d = valueDiff("outputs", expected.outputs(), actual.outputs());
        if (d != null) {
            return d;
        }
        List<Metric> em = expected.metrics();
        List<Metric> am = actual.metrics();
        for (int i = 0; i < Math.min(em.size(), am.size()); i++) {
            if (!em.get(i).equals(am.get(i))) {
                return "metric " + (i + 1) + ": expected " + metric(em.get(i)) + ", got " + metric(am.get(i));
            }
        }
        if (em.size() != am.size()) {
            return "expected " + count(em.size(), "metric") + ", got " + am.size();
        }
        List<LogEntry> el = expected.logs();
        List<LogEntry> al = actual.logs();
        for (int i = 0; i < Math.min(el.size(), al.size()); i++) {
            if (!el.get(i).equals(al.get(i))) {
                return "log entry " + (i + 1) + ": expected " + log(el.get(i)) + ", got " + log(al.get(i));
            }
        }
        if (el.size() != al.size()) {
            return "expected " + count(el.size(), "log entry").replace("entrys", "entries") + ", got " + al.size();
        }
        List<Map<String, Object>> ea = expected.assets();
        List<Map<String, Object>> aa = actual.assets();
        if (ea.size() != aa.size()) {
            return "expected " + count(ea.size(), "asset emission") + ", got " + aa.size();
        }
        for (int i = 0; i < ea.size(); i++) {
            d = valueDiff(ea.size() == 1 ? "assets" : "assets(" + (i + 1) + ")", ea.get(i), aa.get(i));
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** The first difference between two values as Kestra holds them (types matter: Integer 1 is not Double 1.0). */
    static String valueDiff(String path, Object e, Object a) {
        if (Objects.equals(e, a)) {
            return null;
        }
        if (path.length() > 2000) { // deep nesting: stop descending
            return path.substring(0, 60) + "...: the values differ below this depth";
        }
        if (e instanceof Map<?, ?> em && a instanceof Map<?, ?> am) {
            for (Map.Entry<?, ?> entry : em.entrySet()) {
                String p = key(path, String.valueOf(entry.getKey()));
                if (!am.containsKey(entry.getKey())) {
                    return p + " is missing (expected " + describe(entry.getValue()) + ")";
                }
                String d = valueDiff(p, entry.getValue(), am.get(entry.getKey()));
                if (d != null) {
                    return d;
                }
            }
            for (Map.Entry<?, ?> entry : am.entrySet()) {
                if (!em.containsKey(entry.getKey())) {
                    return key(path, String.valueOf(entry.getKey())) + " is not expected (got " + describe(entry.getValue()) + ")";
                }
            }
            return null;
        }
        if (e instanceof List<?> el && a instanceof List<?> al) {
            for (int i = 0; i < Math.min(el.size(), al.size()); i++) {
                String d = valueDiff(path + "[" + i + "]", el.get(i), al.get(i));
                if (d != null) {
                    return d;
                }
            }
            return el.size() == al.size() ? null
                    : path + ": expected " + count(el.size(), "element") + ", got " + al.size();
        }
        return Objects.equals(e, a) ? null : path + ": expected " + describe(e) + ", got " + describe(a);
    }

    private static String key(String path, String key) {
        return key.matches("[A-Za-z_][A-Za-z0-9_-]*") ? path + "." + key : path + "[" + quote(key) + "]";
    }

    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return "String " + quote(s);
        }
        if (v instanceof Map<?, ?> m) {
            return "a map of " + count(m.size(), "key");
        }
        if (v instanceof List<?> l) {
            return "a list of " + count(l.size(), "element");
        }
        return v.getClass().getSimpleName() + " " + AdapterProcess.shorten(String.valueOf(v));
    }

    private static String metric(Metric m) {
        return m.type().wireName() + " " + (m.name() == null ? "(no name)" : quote(m.name())) + " = " + m.value()
                + (m.tags().isEmpty() ? "" : " tags " + new LinkedHashMap<>(m.tags()));
    }

    private static String log(LogEntry l) {
        return l.level() + " " + (l.message() == null ? "null" : quote(l.message()));
    }

    // ---------------------------------------------------------------- text

    private static String raised(CaseRun run) {
        return "a " + run.kind() + " error: `" + AdapterProcess.shorten(display(run.message())) + "`";
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String quote(String s) {
        String shown = s.length() > 60 ? s.substring(0, 60) + "...(" + s.length() + " chars)" : s;
        return "\"" + display(shown) + "\"";
    }

    private static String show(String line) {
        return display(line.length() > SHOWN_LINE ? line.substring(0, SHOWN_LINE) + "... (" + line.length() + " chars)" : line);
    }

    /**
     * Text as it can be shown in a one-line reason: printable characters as they are (non-ASCII too, so that
     * {@code é} and {@code \u00e9} look different), control characters, line terminators and lone surrogates
     * as {@code <U+XXXX>}.
     */
    static String display(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(s.charAt(i - 1)));
            if (c == '\r') {
                b.append("<CR>");
            } else if (c == '\t') {
                b.append("<TAB>");
            } else if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || lone) {
                b.append(String.format("<U+%04X>", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
