package dev.kestrasdk.parse;

import dev.kestrasdk.parse.ParsedLine.Verdict;
import dev.kestrasdk.protocol.Message;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one line of a script's output the way a chosen Kestra version does ({@link KestraVersion#NEWEST} unless
 * told): an ordinary log line, a protocol line it accepts (with what it takes from it), or a protocol line it
 * rejects as a whole, each with diagnostics saying why data is lost. It never throws on any input. Thread-safe
 * and stateless.
 *
 * <p>The line may still end with one line terminator ({@code \r} of a CRLF file, say): Kestra tolerates it.
 */
public final class LineParser {
    /**
     * Default for {@link #LineParser(int)}, and the one line limit of the tools (the runner's console capture,
     * {@code kestra-sdk run} and {@code parse}): 64 Mi characters. Larger lines get a {@code line-too-long} error
     * instead of being read.
     */
    public static final int DEFAULT_MAX_LINE_CHARS = 64 * 1024 * 1024;

    private final int maxLineChars;
    private final KestraVersion version;

    /**
     * A parser with the limit {@link #DEFAULT_MAX_LINE_CHARS}, following {@link KestraVersion#NEWEST}.
     *
     * <pre>{@code
     * ParsedLine p = new LineParser().parse("::{\"outputs\":{\"rows\":42}}::");
     * p.accepted(); // true
     * }</pre>
     */
    public LineParser() {
        this(DEFAULT_MAX_LINE_CHARS);
    }

    /**
     * A parser with the limit {@link #DEFAULT_MAX_LINE_CHARS}, following a chosen Kestra version.
     *
     * <pre>{@code
     * LineParser kestra13 = new LineParser(KestraVersion.V1_3);
     * }</pre>
     *
     * @param version the Kestra version whose reading this parser gives
     */
    public LineParser(KestraVersion version) {
        this(DEFAULT_MAX_LINE_CHARS, version);
    }

    /**
     * A parser with its own line limit, following {@link KestraVersion#NEWEST}.
     *
     * <pre>{@code
     * LineParser small = new LineParser(64 * 1024);
     * }</pre>
     *
     * @param maxLineChars lines longer than this are not read (Kestra has no such limit; this one protects memory)
     * @throws IllegalArgumentException if the limit is less than 6, the shortest protocol line
     */
    public LineParser(int maxLineChars) {
        this(maxLineChars, KestraVersion.NEWEST);
    }

    /**
     * A parser with its own line limit, following a chosen Kestra version.
     *
     * <pre>{@code
     * LineParser parser = new LineParser(64 * 1024, KestraVersion.V2_0);
     * }</pre>
     *
     * @param maxLineChars lines longer than this are not read (Kestra has no such limit; this one protects memory)
     * @param version      the Kestra version whose reading this parser gives
     * @throws IllegalArgumentException if the limit is less than 6, the shortest protocol line
     */
    public LineParser(int maxLineChars, KestraVersion version) {
        if (maxLineChars < 6) {
            throw new IllegalArgumentException("maxLineChars must be at least 6, was " + maxLineChars);
        }
        this.maxLineChars = maxLineChars;
        this.version = java.util.Objects.requireNonNull(version, "version");
    }

    /**
     * The Kestra version this parser follows.
     *
     * <pre>{@code
     * new LineParser().version(); // the default version
     * }</pre>
     *
     * @return the version
     */
    public KestraVersion version() {
        return version;
    }

    /**
     * Reads one line as Kestra does.
     *
     * <pre>{@code
     * ParsedLine p = parser.parse("::{\"outputs\":{\"rows\":42}}::");
     * p.message().outputs(); // {rows=42}
     * parser.parse("hello").verdict(); // LOG: an ordinary log line
     * }</pre>
     *
     * @param line the line, with or without one trailing terminator; {@code null} reads as an empty line
     * @return the verdict, what Kestra takes, and diagnostics
     */
    public ParsedLine parse(String line) {
        if (line == null || line.length() < 2) {
            return log(line == null ? "" : line);
        }
        if (line.indexOf("::") < 0) {
            // the common case, an ordinary line: one vectorized search. Kestra's pattern needs "::", and so does
            // every near miss but a payload printed without its markers
            return log(line, LineShape.barePayload(line, LineShape.contentEnd(line)));
        }
        int end = LineShape.contentEnd(line);
        if (!LineShape.hasMarkers(line, end)) {
            return log(line, LineShape.nearMiss(line, end));
        }
        if (line.length() <= maxLineChars) {
            // one pass: the clean reader gives up on a raw line terminator, so a payload it reads is one Kestra's
            // pattern matches, without searching the line for terminators first
            Message clean = CleanLineReader.read(line, 2, end - 2);
            if (clean != null) {
                return new ParsedLine(line, Verdict.ACCEPTED, clean, List.of());
            }
        }
        if (!LineShape.noTerminatorInside(line, end)) {
            return log(line, LineShape.nearMiss(line, end));
        }
        if (line.length() > maxLineChars) {
            return rejected(line, Diagnostic.error("line-too-long", "line of " + line.length()
                    + " characters is longer than this parser's limit of " + maxLineChars + " (Kestra has none): not read"));
        }
        return readThroughTree(line, end);
    }

    /**
     * The full reading of a protocol line Kestra's pattern matched (payload up to {@code end - 2}): a tree
     * first, then Kestra's checks and coercions on it, with every diagnostic. Package-private for the test
     * that compares it with {@link CleanLineReader}.
     */
    ParsedLine readThroughTree(String line, int end) {
        List<Diagnostic> warnings = new ArrayList<>();
        JsonTree.Read read;
        try {
            read = JsonTree.read(line.substring(2, end - 2));
        } catch (JsonTree.Invalid e) {
            return rejected(line, Diagnostic.error(e.code, e.getMessage() + ": Kestra rejects the whole line"));
        }
        if (read.trailing() != null) {
            String t = read.trailing();
            warnings.add(Diagnostic.warning("trailing-content", "text after the first JSON object is ignored by Kestra: "
                    + (t.length() > 40 ? t.substring(0, 40) + "..." : t)));
        }
        for (String key : read.duplicateKeys()) {
            warnings.add(Diagnostic.warning("duplicate-key", "key \"" + key + "\" appears more than once; Kestra keeps the last value"));
        }
        try {
            MessageReader reader = new MessageReader(version, warnings);
            Message message = reader.read(read.root());
            return new ParsedLine(line, Verdict.ACCEPTED, message, warnings, reader.otlp());
        } catch (MessageReader.Rejected e) {
            return rejected(line, Diagnostic.error(e.code, e.getMessage() + ": Kestra rejects the whole line"));
        }
    }

    /**
     * Reads one line of a bare OTLP/JSON file (NDJSON, the OpenTelemetry file exporter's format: one record per
     * line, no {@code ::} markers) as Kestra 2.0's {@code parseOtlp} does, whatever this parser's version: a blank
     * line is skipped ({@link Verdict#LOG}); a line it cannot bind, or without any OTLP section, is skipped with a
     * warning in Kestra's log ({@link Verdict#REJECTED} here, with an error); any other line is forwarded
     * ({@link Verdict#ACCEPTED}: its logs and metrics in {@link ParsedLine#message()}, the detail in
     * {@link ParsedLine#otlp()}). Lines longer than this parser's limit are not read.
     *
     * <pre>{@code
     * ParsedLine p = parser.parseOtlpLine(lineOfAnOtlpFile);
     * p.otlp().logs();
     * }</pre>
     *
     * @param line the line, without its terminator; {@code null} reads as an empty line
     * @return the verdict, what Kestra takes, and diagnostics
     */
    public ParsedLine parseOtlpLine(String line) {
        if (line == null || line.isBlank()) {
            return log(line == null ? "" : line);
        }
        if (line.length() > maxLineChars) {
            return rejected(line, Diagnostic.error("line-too-long", "line of " + line.length()
                    + " characters is longer than this parser's limit of " + maxLineChars + " (Kestra has none): not read"));
        }
        if (line.strip().equals("null")) {
            return rejected(line, Diagnostic.error("invalid-json", "a bare null: Kestra 2.0 fails on it (NullPointerException)"
                    + " and stops reading the file here"));
        }
        List<Diagnostic> warnings = new ArrayList<>();
        JsonTree.Read read;
        try {
            read = JsonTree.read(line);
        } catch (JsonTree.Invalid e) {
            return rejected(line, Diagnostic.error(e.code, e.getMessage() + ": Kestra 2.0 skips the line"));
        }
        try {
            MessageReader reader = new MessageReader(KestraVersion.V2_0, warnings);
            OtlpContent otlp = new OtlpReader(reader, warnings).read(read.root(), "the record");
            if (!hasSection(read.root())) {
                return rejected(line, Diagnostic.error("otlp-empty", "no resourceLogs, resourceMetrics or resourceSpans with"
                        + " entries: Kestra 2.0 skips the line"));
            }
            Message message = new Message(null, otlp.metrics().stream().map(OtlpContent.MetricPoint::metric).toList(),
                    otlp.logs().stream().map(OtlpContent.Log::entry).toList(), null);
            return new ParsedLine(line, Verdict.ACCEPTED, message, warnings, otlp);
        } catch (MessageReader.Rejected e) {
            return rejected(line, Diagnostic.error(e.code, e.getMessage() + (e.code.equals(OtlpReader.FORWARDING_FAILS)
                    ? " and stops reading the file here" : ": Kestra 2.0 skips the line")));
        }
    }

    /**
     * For a line of an OTLP file that was too long to keep whole: reported as not read.
     *
     * <pre>{@code
     * ParsedLine p = parser.parseOtlpTruncated(reader.lastLineSkippedChars());
     * }</pre>
     *
     * @param fullLength the line's whole length, for the message
     * @return a rejected line with a {@code line-too-long} error and no text
     */
    public ParsedLine parseOtlpTruncated(long fullLength) {
        return rejected("", Diagnostic.error("line-too-long", "line of " + fullLength
                + " characters is longer than this parser's limit of " + maxLineChars + " (Kestra has none): not read"));
    }

    /** Kestra's OtlpRecord.isEmpty(), false: one of its three lists has an entry (a null entry counts). */
    private static boolean hasSection(JsonTree.Obj root) {
        for (String key : List.of("resourceLogs", "resourceMetrics", "resourceSpans")) {
            if (root.get(key) instanceof List<?> list && !list.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * For a line that was too long to keep whole ({@link LineReader} cut it at {@code head}): a protocol line
     * is reported as not read, anything else is an ordinary log line.
     *
     * <pre>{@code
     * String head = reader.readLine();
     * ParsedLine p = reader.lastLineTruncated() ? parser.parseTruncated(head, head.length() + reader.lastLineSkippedChars()) : parser.parse(head);
     * }</pre>
     *
     * @param head       the part of the line that was kept
     * @param fullLength the line's whole length, for the message
     * @return a rejected line with a {@code line-too-long} error, or a log line
     */
    public ParsedLine parseTruncated(String head, long fullLength) {
        if (!head.startsWith("::{")) {
            return log(head);
        }
        return rejected(head, Diagnostic.error("line-too-long", "line of " + fullLength
                + " characters is longer than this parser's limit of " + maxLineChars + " (Kestra has none): not read"));
    }

    private static ParsedLine log(String line) {
        return new ParsedLine(line, Verdict.LOG, null, List.of());
    }

    /** An ordinary log line, with its near-miss diagnostic when there is one. */
    private static ParsedLine log(String line, Diagnostic nearMiss) {
        return new ParsedLine(line, Verdict.LOG, null, nearMiss == null ? List.of() : List.of(nearMiss));
    }

    private static ParsedLine rejected(String line, Diagnostic why) {
        return new ParsedLine(line, Verdict.REJECTED, null, List.of(why));
    }
}
