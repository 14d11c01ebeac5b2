package dev.kestrasdk.cli;

import dev.kestrasdk.parse.Diagnostic;
import dev.kestrasdk.parse.ParsedLine;
import dev.kestrasdk.protocol.LogEntry;
import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.protocol.Metric;
import dev.kestrasdk.protocol.MetricType;
import dev.kestrasdk.internal.wire.CanonicalNumbers;
import dev.kestrasdk.internal.wire.WireEncoder;
import dev.kestrasdk.wire.WireFormatException;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The readable text both {@code run} and {@code parse} print: what Kestra takes, and what it drops and why. Every
 * line is printed through {@link TerminalText#escape}: names, keys and messages come from the script.
 */
final class ReportPrinter {
    private static final int MAX_VALUE_CHARS = 200;

    private final PrintWriter out;

    ReportPrinter(PrintWriter out) {
        this.out = out;
    }

    private void println(String line) {
        out.println(TerminalText.escape(line));
    }

    /** One line per diagnostic of a problem line, prefixed with where it came from. */
    void problem(String where, ParsedLine line) {
        String verdict = line.dropped() ? "dropped" : "accepted with loss";
        for (Diagnostic d : line.diagnostics()) {
            println(where + ": " + (d.severity() == Diagnostic.Severity.ERROR ? "error" : "warning")
                    + " [" + d.code() + "] " + d.message() + " (" + verdict + ")");
        }
    }

    void outputs(Map<String, Object> outputs) {
        println("Outputs (" + outputs.size() + "):");
        if (outputs.isEmpty()) {
            println("  (none)");
        }
        outputs.forEach((k, v) -> println("  " + k + " = " + shortJson(v)));
    }

    void metrics(List<Metric> metrics) {
        println("Metrics (" + metrics.size() + "):");
        if (metrics.isEmpty()) {
            println("  (none)");
        }
        for (Metric m : metrics) {
            String value = m.value() == null ? "null" : Double.isFinite(m.value()) ? CanonicalNumbers.ofDouble(m.value()) : m.value().toString();
            println("  " + m.type().wireName() + " " + m.name() + " = " + value + (m.type() == MetricType.TIMER ? " s" : "")
                    + (m.tags().isEmpty() ? "" : " " + m.tags()));
        }
    }

    void logsAndAssets(List<LogEntry> logs, List<Map<String, Object>> assets) {
        Map<LogLevel, Long> byLevel = new EnumMap<>(LogLevel.class);
        logs.forEach(l -> byLevel.merge(l.level(), 1L, Long::sum));
        println("Logs: " + logs.size() + (byLevel.isEmpty() ? "" : " (" + byLevel.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")"));
        println("Assets: " + assets.size() + " emission" + (assets.size() == 1 ? "" : "s"));
    }

    static String shortJson(Object value) {
        String json;
        try {
            json = WireEncoder.json(value);
        } catch (WireFormatException e) {
            json = String.valueOf(value); // a value Kestra holds but JSON cannot (Infinity from 1e400)
        }
        return json.length() > MAX_VALUE_CHARS ? json.substring(0, MAX_VALUE_CHARS) + "... (" + json.length() + " chars)" : json;
    }
}
