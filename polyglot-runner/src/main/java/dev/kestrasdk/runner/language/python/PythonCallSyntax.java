package dev.kestrasdk.runner.language.python;

import dev.kestrasdk.runner.language.CallSyntax;

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

/** Vector calls as Python: {@code int}, {@code float}, {@code Decimal}, {@code datetime}, dict, list, set, None, an object. */
final class PythonCallSyntax implements CallSyntax {
    private static final String PRELUDE = """
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

    @Override
    public String adapterName() {
        return "graalpy";
    }

    @Override
    public String sdkName() {
        return "kestra-sdk-python";
    }

    @Override
    public String valueErrorType() {
        return "ValueError";
    }

    @Override
    public String prelude() {
        return PRELUDE;
    }

    @Override
    public String caseBlock(int n, String id, List<String> statements) {
        StringBuilder b = new StringBuilder("def _c").append(n).append("():\n");
        for (String statement : statements) {
            b.append("    ").append(statement).append('\n');
        }
        return b.append("_case(\"").append(id).append("\", _c").append(n).append(")\n").toString();
    }

    @Override
    public String loggerMethod(String level) {
        return level.equals("warn") ? "warning" : level;
    }

    @Override
    public String nullLiteral() {
        return "None";
    }

    @Override
    public String booleanLiteral(boolean value) {
        return value ? "True" : "False";
    }

    @Override
    public String astralEscape(int codePoint) {
        return String.format("\\U%08x", codePoint);
    }

    @Override
    public String integer(String digits) {
        return digits;
    }

    @Override
    public String floatingPoint(String stringLiteral) {
        return "float(" + stringLiteral + ")";
    }

    @Override
    public String object(List<Map.Entry<String, String>> members) {
        return map(members);
    }

    @Override
    public String map(List<Map.Entry<String, String>> pairs) {
        if (pairs.isEmpty()) {
            return "dict()";
        }
        StringBuilder b = new StringBuilder("{ ");
        for (int i = 0; i < pairs.size(); i++) {
            b.append(i > 0 ? ", " : "").append(pairs.get(i).getKey()).append(": ").append(pairs.get(i).getValue());
        }
        return b.append(" }").toString();
    }

    @Override
    public String set(List<String> items) {
        return "set([" + String.join(", ", items) + "])";
    }

    @Override
    public String repeat(String stringLiteral, Object count) {
        return "(" + stringLiteral + " * " + count + ")";
    }

    @Override
    public String unsupported(String label) {
        return "_Unsupported()";
    }

    @Override
    public String decimal(String stringLiteral) {
        return "Decimal(" + stringLiteral + ")";
    }

    @Override
    public String dateTime(LocalDateTime t) {
        return "datetime(" + dateFields(t.toLocalDate()) + ", " + timeFields(t.toLocalTime()) + ")";
    }

    @Override
    public String dateTime(OffsetDateTime t) {
        return "datetime(" + dateFields(t.toLocalDate()) + ", " + timeFields(t.toLocalTime()) + ", tzinfo=_tz("
                + t.getOffset().getTotalSeconds() + "))";
    }

    @Override
    public String date(LocalDate d) {
        return "date(" + dateFields(d) + ")";
    }

    @Override
    public String time(LocalTime t) {
        return "time(" + timeFields(t) + ")";
    }

    @Override
    public String time(OffsetTime t) {
        return "time(" + timeFields(t.toLocalTime()) + ", tzinfo=_tz(" + t.getOffset().getTotalSeconds() + "))";
    }

    @Override
    public String instant(Instant t) {
        LocalDateTime utc = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        return "datetime(" + dateFields(utc.toLocalDate()) + ", " + timeFields(utc.toLocalTime()) + ", tzinfo=timezone.utc)";
    }

    @Override
    public String duration(Duration d) {
        return "timedelta(seconds=" + d.getSeconds() + ", microseconds=" + d.getNano() / 1000 + ")";
    }

    private static String dateFields(LocalDate d) {
        return d.getYear() + ", " + d.getMonthValue() + ", " + d.getDayOfMonth();
    }

    private static String timeFields(LocalTime t) {
        return t.getHour() + ", " + t.getMinute() + ", " + t.getSecond() + ", " + t.getNano() / 1000;
    }
}
