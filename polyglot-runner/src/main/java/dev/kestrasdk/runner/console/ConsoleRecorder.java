package dev.kestrasdk.runner.console;

import dev.kestrasdk.parse.KestraVersion;
import dev.kestrasdk.parse.LineParser;
import dev.kestrasdk.parse.ParsedLine;
import dev.kestrasdk.parse.ReportCollector;
import dev.kestrasdk.protocol.Message;
import dev.kestrasdk.runner.ConsoleListener;
import dev.kestrasdk.runner.ConsoleStream;
import dev.kestrasdk.runner.ProtocolProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * Records one run's console: both streams' lines in order, each parsed as Kestra parses it into one
 * {@link ReportCollector} (so outputs merge in the order lines were written across both streams), plus the
 * lines Kestra would drop. Thread-safe. The one console-capture path: in-process scripts write into
 * {@link #stdout()} and {@link #stderr()}, a child process's output is copied into them.
 *
 * <p>Lines carrying an {@code encryptedOutputs} frame are recorded, shown and reported redacted
 * ({@link dev.kestrasdk.parse.EncryptedOutputs}).
 *
 * <p>Lines longer than the limit ({@link LineParser#DEFAULT_MAX_LINE_CHARS} by default, the limit of
 * {@code kestra-sdk parse}) are recorded cut to it; a protocol line among them is a {@code line-too-long} problem.
 */
public final class ConsoleRecorder {
    private final ConsoleListener listener;
    private final LineParser parser;
    private final ReportCollector report;
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();
    private final List<ProtocolProblem> problems = new ArrayList<>();
    private boolean finished; // guarded by this
    private final LineSplitter stdoutStream;
    private final LineSplitter stderrStream;

    public ConsoleRecorder(ConsoleListener listener) {
        this(listener, LineParser.DEFAULT_MAX_LINE_CHARS);
    }

    public ConsoleRecorder(ConsoleListener listener, int maxLineChars) {
        this(listener, maxLineChars, KestraVersion.NEWEST);
    }

    /** Reads the lines as {@code version} of Kestra does ({@link KestraVersion#NEWEST} with the other constructors). */
    public ConsoleRecorder(ConsoleListener listener, KestraVersion version) {
        this(listener, LineParser.DEFAULT_MAX_LINE_CHARS, version);
    }

    public ConsoleRecorder(ConsoleListener listener, int maxLineChars, KestraVersion version) {
        this.listener = listener;
        this.parser = new LineParser(maxLineChars, version);
        this.report = new ReportCollector(parser);
        this.stdoutStream = new LineSplitter(new StreamLines(ConsoleStream.STDOUT), maxLineChars);
        this.stderrStream = new LineSplitter(new StreamLines(ConsoleStream.STDERR), maxLineChars);
    }

    /** One stream's lines: parsed, or taken with the reading the SDK built from what it encoded. */
    private final class StreamLines implements LineSplitter.Lines {
        private final ConsoleStream stream;

        StreamLines(ConsoleStream stream) {
            this.stream = stream;
        }

        @Override
        public void line(String text, long fullLength) {
            record(stream, text, fullLength, null);
        }

        @Override
        public void encoded(String text, Message readBack) {
            record(stream, text, text.length(), readBack);
        }
    }

    /** The stream to give the guest as its stdout; protocol lines are written here too, to keep their order. */
    public LineSplitter stdout() {
        return stdoutStream;
    }

    public LineSplitter stderr() {
        return stderrStream;
    }

    /**
     * Takes in unterminated last lines, then ignores anything written later (a script abandoned at its timeout
     * may still be writing), so what is read from here no longer changes.
     */
    public void finish() {
        stdoutStream.finish();
        stderrStream.finish();
        synchronized (this) {
            finished = true;
        }
    }

    /** @param readBack what Kestra takes from an SDK line, from the values the SDK encoded; {@code null}: parse the line */
    private synchronized void record(ConsoleStream stream, String line, long fullLength, Message readBack) {
        if (finished) {
            return;
        }
        List<String> lines = stream == ConsoleStream.STDOUT ? stdout : stderr;
        ParsedLine parsed = readBack != null ? new ParsedLine(line, ParsedLine.Verdict.ACCEPTED, readBack, List.of())
                : fullLength > line.length() ? parser.parseTruncated(line, fullLength) : parser.parse(line);
        report.add(parsed);
        // What is kept and shown never carries an encryptedOutputs frame (Kestra 2.0 redacts them in what it logs),
        // whichever version the reading follows; what Kestra takes from the line was read from it whole.
        ParsedLine shown = parsed.redacted();
        lines.add(shown.text());
        if (shown.hasProblems()) {
            problems.add(new ProtocolProblem(stream, lines.size(), shown));
        }
        listener.line(stream, shown.text());
    }

    public ReportCollector report() {
        return report;
    }

    public synchronized List<String> stdoutLines() {
        return List.copyOf(stdout);
    }

    public synchronized List<String> stderrLines() {
        return List.copyOf(stderr);
    }

    public synchronized List<ProtocolProblem> problems() {
        return List.copyOf(problems);
    }
}
