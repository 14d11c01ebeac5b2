package dev.kestrasdk.parse;

import dev.kestrasdk.protocol.LogEntry;
import dev.kestrasdk.protocol.Message;
import dev.kestrasdk.protocol.Metric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates what Kestra takes from a whole run, line by line, and merges it as Kestra does: outputs of
 * later lines replace earlier keys ({@code putAll}), every metric, log entry and asset emission is kept in
 * order. Lines with diagnostics are kept with their line numbers. Thread-safe.
 */
public final class ReportCollector {
    /**
     * A line that lost data, with its number in the stream it came from.
     *
     * @param lineNumber the line's number, from 1
     * @param line       what the parser made of it
     */
    public record ProblemLine(long lineNumber, ParsedLine line) {
    }

    private final LineParser parser;
    private final Map<String, Object> outputs = new LinkedHashMap<>();
    private final List<Metric> metrics = new ArrayList<>();
    private final List<LogEntry> logs = new ArrayList<>();
    private final List<Map<String, Object>> assets = new ArrayList<>();
    private final List<ProblemLine> problems = new ArrayList<>();
    private long lines;
    private long protocolLines;

    /**
     * A collector with a parser of default limits.
     *
     * <pre>{@code
     * ReportCollector report = new ReportCollector();
     * report.accept("::{\"outputs\":{\"rows\":42}}::");
     * report.outputs(); // {rows=42}
     * }</pre>
     */
    public ReportCollector() {
        this(new LineParser());
    }

    /**
     * A collector parsing with {@code parser}.
     *
     * <pre>{@code
     * ReportCollector report = new ReportCollector(new LineParser(KestraVersion.V1_3));
     * }</pre>
     *
     * @param parser the parser for {@link #accept}
     */
    public ReportCollector(LineParser parser) {
        this.parser = parser;
    }

    /**
     * Parses and adds one line.
     *
     * <pre>{@code
     * process.inputReader().lines().forEach(report::accept);
     * }</pre>
     *
     * @param line the line, without its terminator
     * @return what the parser made of it
     */
    public ParsedLine accept(String line) {
        ParsedLine parsed = parser.parse(line);
        add(parsed);
        return parsed;
    }

    /**
     * Adds a line parsed elsewhere; it counts as the next line.
     *
     * <pre>{@code
     * report.add(parser.parseTruncated(head, fullLength));
     * }</pre>
     *
     * @param parsed the parsed line
     */
    public synchronized void add(ParsedLine parsed) {
        lines++;
        if (parsed.hasProblems()) {
            problems.add(new ProblemLine(lines, parsed));
        }
        Message m = parsed.message();
        if (m == null) {
            return;
        }
        protocolLines++;
        outputs.putAll(m.outputs());
        metrics.addAll(m.metrics());
        logs.addAll(m.logs());
        if (m.assets() != null) {
            assets.add(m.assets());
        }
    }

    /**
     * The merged outputs.
     *
     * <pre>{@code
     * Map<String, Object> outputs = report.outputs();
     * }</pre>
     *
     * @return a snapshot: later lines' keys replace earlier ones
     */
    public synchronized Map<String, Object> outputs() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /**
     * Every metric, in order.
     *
     * <pre>{@code
     * report.metrics().forEach(m -> System.out.println(m.name() + " " + m.value()));
     * }</pre>
     *
     * @return a snapshot
     */
    public synchronized List<Metric> metrics() {
        return List.copyOf(metrics);
    }

    /**
     * Every log entry, in order.
     *
     * <pre>{@code
     * List<LogEntry> logs = report.logs();
     * }</pre>
     *
     * @return a snapshot
     */
    public synchronized List<LogEntry> logs() {
        return List.copyOf(logs);
    }

    /**
     * Every asset emission, in order.
     *
     * <pre>{@code
     * List<Map<String, Object>> assets = report.assets();
     * }</pre>
     *
     * @return a snapshot, one {@code {"inputs": [...], "outputs": [...]}} map per line
     */
    public synchronized List<Map<String, Object>> assets() {
        return List.copyOf(assets);
    }

    /**
     * Lines with diagnostics: dropped protocol lines, and accepted ones that lost something.
     *
     * <pre>{@code
     * report.problems().forEach(p -> System.err.println(p.lineNumber() + ": " + p.line().diagnostics()));
     * }</pre>
     *
     * @return a snapshot, in order
     */
    public synchronized List<ProblemLine> problems() {
        return List.copyOf(problems);
    }

    /**
     * How many lines were added.
     *
     * <pre>{@code
     * long lines = report.lineCount();
     * }</pre>
     *
     * @return every line, protocol or not
     */
    public synchronized long lineCount() {
        return lines;
    }

    /**
     * How many lines Kestra accepted as protocol lines.
     *
     * <pre>{@code
     * long protocol = report.protocolLineCount();
     * }</pre>
     *
     * @return the accepted lines
     */
    public synchronized long protocolLineCount() {
        return protocolLines;
    }
}
