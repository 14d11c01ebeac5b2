package dev.kestrasdk.emit;

import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.protocol.Message;
import dev.kestrasdk.protocol.MetricType;
import dev.kestrasdk.sink.LineSink;
import dev.kestrasdk.internal.wire.AsciiBuffer;
import dev.kestrasdk.internal.wire.ReadBack;
import dev.kestrasdk.internal.wire.RecordingSink;
import dev.kestrasdk.internal.wire.WireEncoder;
import dev.kestrasdk.wire.WireFormatException;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The SDK's verbs bound to one {@link LineSink}: calls go to the encoder, a complete line goes to the sink.
 * Thread-safe; the static {@code Kestra} facade delegates to one of these, and the polyglot runner makes
 * one per script. Each call prints exactly one line, or throws {@link WireFormatException} and prints nothing.
 */
public final class Emitter {
    /** Lines longer than this get a one-time warning: Docker's log driver splits lines at 16 KiB, and a split protocol line is lost. */
    public static final int LARGE_LINE_BYTES = 16 * 1024;

    private static final ThreadLocal<AsciiBuffer> BUFFER = ThreadLocal.withInitial(AsciiBuffer::new);

    private final LineSink sink;
    private final RecordingSink recording; // the sink when it records what it takes: then lines come with their reading
    private final Consumer<String> warnings;
    private final AtomicBoolean warnedLarge = new AtomicBoolean();
    private final KestraLogger logger = new KestraLogger(this);

    /**
     * An emitter whose warnings go to standard error, prefixed {@code kestra-sdk: warning:}.
     *
     * <pre>{@code
     * Emitter emitter = new Emitter(new StreamSink(System.out));
     * }</pre>
     *
     * @param sink where complete lines go
     */
    public Emitter(LineSink sink) {
        this(sink, message -> System.err.println("kestra-sdk: warning: " + message));
    }

    /**
     * An emitter with its own destination for warnings.
     *
     * <pre>{@code
     * Emitter emitter = new Emitter(new CollectingSink(), warning -> log.warn(warning));
     * }</pre>
     *
     * @param sink     where complete lines go
     * @param warnings receives advice that is not an error (a very large line); never protocol data
     */
    public Emitter(LineSink sink, Consumer<String> warnings) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.recording = sink instanceof RecordingSink r ? r : null;
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /**
     * The sink this emitter writes to.
     *
     * <pre>{@code
     * LineSink sink = emitter.sink();
     * }</pre>
     *
     * @return the sink given at construction
     */
    public LineSink sink() {
        return sink;
    }

    /**
     * One {@code outputs} line.
     *
     * <pre>{@code
     * emitter.outputs(Map.of("rows", 42));
     * }</pre>
     *
     * @param outputs names to JSON-like values
     * @throws WireFormatException if a value cannot be written
     */
    public void outputs(Map<String, ?> outputs) {
        AsciiBuffer b = take();
        try {
            WireEncoder.local().outputs(outputs, b);
            send(b, recording == null ? null : ReadBack.outputs(outputs));
        } finally {
            give(b);
        }
    }

    /**
     * One {@code assets} line.
     *
     * <pre>{@code
     * emitter.assets(Map.of("inputs", List.of(Map.of("id", "orders"))));
     * }</pre>
     *
     * @param assets a map with {@code inputs} and/or {@code outputs}, each a list of asset maps
     * @throws WireFormatException if the assets are malformed or cannot be written
     */
    public void assets(Map<String, ?> assets) {
        AsciiBuffer b = take();
        try {
            WireEncoder.local().assets(assets, b);
            send(b, null);
        } finally {
            give(b);
        }
    }

    /**
     * One {@code metrics} line with a metric of any type.
     *
     * <pre>{@code
     * emitter.metric(MetricType.COUNTER, "rows", 42, Map.of("file", "orders.csv"));
     * }</pre>
     *
     * @param type  counter, gauge or timer
     * @param name  the metric name, not empty
     * @param value a finite Number (or, for a timer, a Duration)
     * @param tags  tag names to strings, numbers or booleans; {@code null} for none
     * @throws WireFormatException if an argument cannot be written
     */
    public void metric(MetricType type, String name, Object value, Map<String, ?> tags) {
        AsciiBuffer b = take();
        try {
            WireEncoder.local().metric(type, name, value, tags, b);
            send(b, recording == null ? null : ReadBack.metric(type, name, value, tags));
        } finally {
            give(b);
        }
    }

    /**
     * A counter; see {@link #metric}.
     *
     * <pre>{@code
     * emitter.counter("rows", 42, null);
     * }</pre>
     *
     * @param name  the metric name, not empty
     * @param value a finite number
     * @param tags  tag names to strings, numbers or booleans; {@code null} for none
     * @throws WireFormatException if an argument cannot be written
     */
    public void counter(String name, Number value, Map<String, ?> tags) {
        metric(MetricType.COUNTER, name, value, tags);
    }

    /**
     * A gauge; see {@link #metric}.
     *
     * <pre>{@code
     * emitter.gauge("ratio", 0.5, null);
     * }</pre>
     *
     * @param name  the metric name, not empty
     * @param value a finite number
     * @param tags  tag names to strings, numbers or booleans; {@code null} for none
     * @throws WireFormatException if an argument cannot be written
     */
    public void gauge(String name, Number value, Map<String, ?> tags) {
        metric(MetricType.GAUGE, name, value, tags);
    }

    /**
     * A timer in seconds.
     *
     * <pre>{@code
     * emitter.timer("load", 1.25, null);
     * }</pre>
     *
     * @param name    the metric name, not empty
     * @param seconds a finite, non-negative number of seconds
     * @param tags    tag names to strings, numbers or booleans; {@code null} for none
     * @throws WireFormatException if an argument cannot be written
     */
    public void timer(String name, Number seconds, Map<String, ?> tags) {
        metric(MetricType.TIMER, name, seconds, tags);
    }

    /**
     * A timer of a duration.
     *
     * <pre>{@code
     * emitter.timer("load", Duration.ofMillis(1250), Map.of("file", "orders.csv"));
     * }</pre>
     *
     * @param name     the metric name, not empty
     * @param duration a non-negative duration
     * @param tags     tag names to strings, numbers or booleans; {@code null} for none
     * @throws WireFormatException if an argument cannot be written
     */
    public void timer(String name, Duration duration, Map<String, ?> tags) {
        metric(MetricType.TIMER, name, duration, tags);
    }

    /**
     * Runs {@code body}, timing it with the monotonic clock, and records the timer whether it returns or
     * throws; its exception passes through unchanged.
     *
     * <pre>{@code
     * emitter.record("load", () -> rows.addAll(load()), Map.of("file", "a.csv"));
     * }</pre>
     *
     * @param name the metric name, not empty
     * @param body the work to time
     * @param tags tag names to strings, numbers or booleans; {@code null} for none
     * @throws WireFormatException if the name or a tag cannot be written; checked before the body runs
     */
    public void record(String name, Runnable body, Map<String, ?> tags) {
        Objects.requireNonNull(body, "body");
        checkTimerArguments(name, tags);
        long start = System.nanoTime();
        try {
            body.run();
        } finally {
            metric(MetricType.TIMER, name, Duration.ofNanos(System.nanoTime() - start), tags);
        }
    }

    /**
     * Like {@link #record(String, Runnable, Map)}, returning the body's result; what the body throws is
     * rethrown unchanged after the timer is recorded.
     *
     * <pre>{@code
     * List<Row> rows = emitter.recordCallable("load", () -> load(file), null);
     * }</pre>
     *
     * @param <T>  the body's result type
     * @param name the metric name, not empty
     * @param body the work to time
     * @param tags tag names to strings, numbers or booleans; {@code null} for none
     * @return what {@code body} returned
     * @throws Exception what {@code body} threw, unchanged
     */
    public <T> T recordCallable(String name, Callable<T> body, Map<String, ?> tags) throws Exception {
        Objects.requireNonNull(body, "body");
        checkTimerArguments(name, tags);
        long start = System.nanoTime();
        try {
            return body.call();
        } finally {
            metric(MetricType.TIMER, name, Duration.ofNanos(System.nanoTime() - start), tags);
        }
    }

    /**
     * Starts a timer now; {@link TimerSample#stop(Map)} records it. For work that does not fit in one lambda.
     *
     * <pre>{@code
     * TimerSample sample = emitter.startTimer("download");
     * download();
     * sample.stop(Map.of("host", host));
     * }</pre>
     *
     * @param name the metric name, not empty
     * @return the running sample
     * @throws WireFormatException if the name cannot be written; checked now, not at {@code stop}
     */
    public TimerSample startTimer(String name) {
        checkTimerArguments(name, null);
        return new TimerSample(this, name, System.nanoTime());
    }

    /**
     * Times a body; see {@link #record(String, Runnable, Map)}.
     *
     * <pre>{@code
     * emitter.record("load", () -> load(), null); // instead
     * }</pre>
     *
     * @param name the metric name, not empty
     * @param body the work to time
     * @param tags tag names to strings, numbers or booleans; {@code null} for none
     * @throws WireFormatException if the name or a tag cannot be written; checked before the body runs
     * @deprecated beside {@link #timer(String, Callable, Map)}, a lambda that returns a value resolves to the
     *             {@code Callable} overload and must handle {@code Exception}: use
     *             {@link #record(String, Runnable, Map)}, which does the same
     */
    @Deprecated
    public void timer(String name, Runnable body, Map<String, ?> tags) {
        record(name, body, tags);
    }

    /**
     * Times a body and returns its result; see {@link #recordCallable(String, Callable, Map)}.
     *
     * <pre>{@code
     * var rows = emitter.recordCallable("load", () -> load(), null); // instead
     * }</pre>
     *
     * @param <T>  the body's result type
     * @param name the metric name, not empty
     * @param body the work to time
     * @param tags tag names to strings, numbers or booleans; {@code null} for none
     * @return what {@code body} returned
     * @throws Exception what {@code body} threw, unchanged
     * @deprecated overloaded with {@link #timer(String, Runnable, Map)}, which makes a lambda's meaning depend on
     *             its body: use {@link #recordCallable(String, Callable, Map)}, which does the same
     */
    @Deprecated
    public <T> T timer(String name, Callable<T> body, Map<String, ?> tags) throws Exception {
        return recordCallable(name, body, tags);
    }

    /**
     * One {@code logs} line with one entry per message.
     *
     * <pre>{@code
     * emitter.log(LogLevel.INFO, "first", "second"); // two entries in one line
     * }</pre>
     *
     * @param level    the entries' level
     * @param messages one entry each, at least one
     * @throws WireFormatException if there is no message or one cannot be written
     */
    public void log(LogLevel level, String... messages) {
        log(level, messages == null ? null : Arrays.asList(messages));
    }

    /**
     * One {@code logs} line with one entry per message.
     *
     * <pre>{@code
     * emitter.log(LogLevel.WARN, List.of("slow"));
     * }</pre>
     *
     * @param level    the entries' level
     * @param messages one entry each, at least one
     * @throws WireFormatException if there is no message or one cannot be written
     */
    public void log(LogLevel level, List<String> messages) {
        AsciiBuffer b = take();
        try {
            WireEncoder.local().logs(level, messages, b);
            send(b, recording == null ? null : ReadBack.logs(level, messages));
        } finally {
            give(b);
        }
    }

    /**
     * A logger writing through this emitter.
     *
     * <pre>{@code
     * emitter.logger().info("rows: {}", 42);
     * }</pre>
     *
     * @return this emitter's logger
     */
    public KestraLogger logger() {
        return logger;
    }

    /** Validates a timed call's name and tags before the body runs, so a bad name fails fast instead of after the work. */
    private void checkTimerArguments(String name, Map<String, ?> tags) {
        AsciiBuffer scratch = new AsciiBuffer();
        WireEncoder.local().metric(MetricType.TIMER, name, 0, tags, scratch);
    }

    /** @param readBack what Kestra reads from the line, for a recording sink; {@code null} when it is to be parsed */
    private void send(AsciiBuffer line, Message readBack) {
        if (line.length() > LARGE_LINE_BYTES && warnedLarge.compareAndSet(false, true)) {
            warnings.accept("a protocol line of " + line.length() + " bytes was written; Docker's log driver splits lines"
                    + " longer than 16 KiB and a split line is lost to Kestra (see docs/wire-format.md, 'Line length'):"
                    + " prefer output files for large data");
        }
        if (readBack != null) {
            recording.accept(line, readBack);
        } else {
            sink.accept(line);
        }
    }

    // One buffer per thread, lent out while a line is built; a nested call (a sink that itself emits) gets a fresh one.
    private static final ThreadLocal<Boolean> LENT = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private static AsciiBuffer take() {
        if (LENT.get()) {
            return new AsciiBuffer();
        }
        LENT.set(Boolean.TRUE);
        AsciiBuffer b = BUFFER.get();
        b.reset();
        return b;
    }

    private static void give(AsciiBuffer b) {
        if (b == BUFFER.get()) {
            b.reset();
            LENT.set(Boolean.FALSE);
        }
    }
}
