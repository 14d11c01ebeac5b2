package dev.kestrasdk;

import dev.kestrasdk.emit.Emitter;
import dev.kestrasdk.emit.KestraLogger;
import dev.kestrasdk.emit.TimerSample;
import dev.kestrasdk.sink.LineSink;
import dev.kestrasdk.sink.LineSinkProvider;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Report outputs, metrics, logs and assets to Kestra from a JVM script, with the verbs of Kestra's Python
 * and Node libraries. Each call prints one canonical {@code ::{...}::} line (docs/wire-format.md) to the
 * current sink, standard output by default; bad input throws {@link dev.kestrasdk.wire.WireFormatException}
 * naming the offending path, and then nothing is printed.
 *
 * <pre>{@code
 * Kestra.outputs(Map.of("rows", 42, "file", "orders.csv"));
 * Kestra.counter("rows", 42, Map.of("file", "orders.csv"));
 * var rows = Kestra.recordCallable("load", () -> load());
 * Kestra.logger().info("loaded {} rows", rows.size());
 * }</pre>
 *
 * <p>A static facade over an {@link Emitter}, in the manner of SLF4J: the sink comes from a
 * {@link LineSinkProvider} found on the class path, else standard output, and can be replaced with
 * {@link #setSink}.
 */
public final class Kestra {
    private static volatile Emitter emitter;
    private static volatile ExecutionContext context;

    private Kestra() {
    }

    /**
     * Sets task outputs: one {@code outputs} line. Kestra merges the outputs of all lines, later keys winning.
     *
     * <pre>{@code
     * Kestra.outputs(Map.of("rows", 42, "file", "orders.csv"));
     * // ::{"outputs":{"file":"orders.csv","rows":42}}::
     * }</pre>
     *
     * @param outputs names to JSON-like values (null, Boolean, Number, String, Map, List, arrays, java.time values)
     * @throws dev.kestrasdk.wire.WireFormatException if a value cannot be written; nothing is printed then
     */
    public static void outputs(Map<String, ?> outputs) {
        emitter().outputs(outputs);
    }

    /**
     * Records a counter without tags.
     *
     * <pre>{@code
     * Kestra.counter("rows", 42);
     * }</pre>
     *
     * @param name  the metric name, not empty
     * @param value a finite number
     * @throws dev.kestrasdk.wire.WireFormatException if the name or value cannot be written
     */
    public static void counter(String name, Number value) {
        emitter().counter(name, value, null);
    }

    /**
     * Records a counter.
     *
     * <pre>{@code
     * Kestra.counter("rows", 42, Map.of("file", "orders.csv"));
     * }</pre>
     *
     * @param name  the metric name, not empty
     * @param value a finite number
     * @param tags  tag names to strings, numbers or booleans; {@code null} for none
     * @throws dev.kestrasdk.wire.WireFormatException if the name, value or a tag cannot be written
     */
    public static void counter(String name, Number value, Map<String, ?> tags) {
        emitter().counter(name, value, tags);
    }

    /**
     * Records a gauge without tags.
     *
     * <pre>{@code
     * Kestra.gauge("ratio", 0.5);
     * }</pre>
     *
     * @param name  the metric name, not empty
     * @param value a finite number
     * @throws dev.kestrasdk.wire.WireFormatException if the name or value cannot be written
     */
    public static void gauge(String name, Number value) {
        emitter().gauge(name, value, null);
    }

    /**
     * Records a gauge.
     *
     * <pre>{@code
     * Kestra.gauge("queue", 12, Map.of("queue", "orders"));
     * }</pre>
     *
     * @param name  the metric name, not empty
     * @param value a finite number
     * @param tags  tag names to strings, numbers or booleans; {@code null} for none
     * @throws dev.kestrasdk.wire.WireFormatException if the name, value or a tag cannot be written
     */
    public static void gauge(String name, Number value, Map<String, ?> tags) {
        emitter().gauge(name, value, tags);
    }

    /**
     * Records a timer of {@code seconds}, without tags.
     *
     * <pre>{@code
     * Kestra.timer("load", 1.25);
     * }</pre>
     *
     * @param name    the metric name, not empty
     * @param seconds a finite, non-negative number of seconds
     * @throws dev.kestrasdk.wire.WireFormatException if the name or value cannot be written
     */
    public static void timer(String name, Number seconds) {
        emitter().timer(name, seconds, null);
    }

    /**
     * Records a timer of {@code seconds}.
     *
     * <pre>{@code
     * Kestra.timer("load", 1.25, Map.of("file", "orders.csv"));
     * }</pre>
     *
     * @param name    the metric name, not empty
     * @param seconds a finite, non-negative number of seconds
     * @param tags    tag names to strings, numbers or booleans; {@code null} for none
     * @throws dev.kestrasdk.wire.WireFormatException if the name, value or a tag cannot be written
     */
    public static void timer(String name, Number seconds, Map<String, ?> tags) {
        emitter().timer(name, seconds, tags);
    }

    /**
     * Records a timer of {@code duration}, without tags.
     *
     * <pre>{@code
     * Kestra.timer("load", Duration.ofMillis(1250)); // value 1.25
     * }</pre>
     *
     * @param name     the metric name, not empty
     * @param duration a non-negative duration
     * @throws dev.kestrasdk.wire.WireFormatException if the name or value cannot be written
     */
    public static void timer(String name, Duration duration) {
        emitter().timer(name, duration, null);
    }

    /**
     * Records a timer of {@code duration}.
     *
     * <pre>{@code
     * Kestra.timer("load", Duration.ofMillis(1250), Map.of("file", "orders.csv"));
     * }</pre>
     *
     * @param name     the metric name, not empty
     * @param duration a non-negative duration
     * @param tags     tag names to strings, numbers or booleans; {@code null} for none
     * @throws dev.kestrasdk.wire.WireFormatException if the name, value or a tag cannot be written
     */
    public static void timer(String name, Duration duration, Map<String, ?> tags) {
        emitter().timer(name, duration, tags);
    }

    /**
     * Times {@code body} with the monotonic clock, without tags; the timer is recorded even if the body throws,
     * and the exception passes through. The name is checked before the body runs.
     *
     * <pre>{@code
     * Kestra.record("add", () -> list.add(1));
     * }</pre>
     *
     * @param name the metric name, not empty
     * @param body the work to time
     * @throws dev.kestrasdk.wire.WireFormatException if the name cannot be written; the body does not run then
     */
    public static void record(String name, Runnable body) {
        emitter().record(name, body, null);
    }

    /**
     * Times {@code body} with the monotonic clock, with tags; see {@link #record(String, Runnable)}.
     *
     * <pre>{@code
     * Kestra.record("load", () -> load(file), Map.of("file", file));
     * }</pre>
     *
     * @param name the metric name, not empty
     * @param body the work to time
     * @param tags tag names to strings, numbers or booleans; {@code null} for none
     * @throws dev.kestrasdk.wire.WireFormatException if the name or a tag cannot be written; the body does not run then
     */
    public static void record(String name, Runnable body, Map<String, ?> tags) {
        emitter().record(name, body, tags);
    }

    /**
     * Times {@code body} and returns its result; the timer is recorded even if it throws, then the exception
     * is rethrown unchanged.
     *
     * <pre>{@code
     * String text = Kestra.recordCallable("read", () -> Files.readString(path));
     * }</pre>
     *
     * @param <T>  the body's result type
     * @param name the metric name, not empty
     * @param body the work to time
     * @return what {@code body} returned
     * @throws Exception what {@code body} threw, unchanged
     */
    public static <T> T recordCallable(String name, Callable<T> body) throws Exception {
        return emitter().recordCallable(name, body, null);
    }

    /**
     * Times {@code body}, with tags, and returns its result; see {@link #recordCallable(String, Callable)}.
     *
     * <pre>{@code
     * List<Row> rows = Kestra.recordCallable("load", () -> load(file), Map.of("file", file));
     * }</pre>
     *
     * @param <T>  the body's result type
     * @param name the metric name, not empty
     * @param body the work to time
     * @param tags tag names to strings, numbers or booleans; {@code null} for none
     * @return what {@code body} returned
     * @throws Exception what {@code body} threw, unchanged
     */
    public static <T> T recordCallable(String name, Callable<T> body, Map<String, ?> tags) throws Exception {
        return emitter().recordCallable(name, body, tags);
    }

    /**
     * Starts a timer; {@link TimerSample#stop(Map)} records it. The name is checked now.
     *
     * <pre>{@code
     * TimerSample sample = Kestra.startTimer("download");
     * download();
     * sample.stop(Map.of("host", host));
     * }</pre>
     *
     * @param name the metric name, not empty
     * @return the running sample
     * @throws dev.kestrasdk.wire.WireFormatException if the name cannot be written
     */
    public static TimerSample startTimer(String name) {
        return emitter().startTimer(name);
    }

    /**
     * Times {@code body}; see {@link #record(String, Runnable)}.
     *
     * <pre>{@code
     * Kestra.record("load", () -> load()); // instead of Kestra.timer("load", () -> load())
     * }</pre>
     *
     * @param name the metric name, not empty
     * @param body the work to time
     * @throws dev.kestrasdk.wire.WireFormatException if the name cannot be written; the body does not run then
     * @deprecated beside {@link #timer(String, Callable)}, a lambda that returns a value resolves to the
     *             {@code Callable} overload and must handle {@code Exception} ({@code timer("add", () -> list.add(1))}
     *             does not compile): use {@link #record(String, Runnable)}, which does the same
     */
    @Deprecated
    public static void timer(String name, Runnable body) {
        emitter().record(name, body, null);
    }

    /**
     * Times {@code body}, with tags; see {@link #record(String, Runnable, Map)}.
     *
     * <pre>{@code
     * Kestra.record("load", () -> load(), Map.of("file", file)); // instead
     * }</pre>
     *
     * @param name the metric name, not empty
     * @param body the work to time
     * @param tags tag names to strings, numbers or booleans; {@code null} for none
     * @throws dev.kestrasdk.wire.WireFormatException if the name or a tag cannot be written; the body does not run then
     * @deprecated use {@link #record(String, Runnable, Map)}; see {@link #timer(String, Runnable)}
     */
    @Deprecated
    public static void timer(String name, Runnable body, Map<String, ?> tags) {
        emitter().record(name, body, tags);
    }

    /**
     * Times {@code body} and returns its result; see {@link #recordCallable(String, Callable)}.
     *
     * <pre>{@code
     * var rows = Kestra.recordCallable("load", () -> load()); // instead
     * }</pre>
     *
     * @param <T>  the body's result type
     * @param name the metric name, not empty
     * @param body the work to time
     * @return what {@code body} returned
     * @throws Exception what {@code body} threw, unchanged
     * @deprecated use {@link #recordCallable(String, Callable)}; see {@link #timer(String, Runnable)}
     */
    @Deprecated
    public static <T> T timer(String name, Callable<T> body) throws Exception {
        return emitter().recordCallable(name, body, null);
    }

    /**
     * Times {@code body}, with tags, and returns its result; see {@link #recordCallable(String, Callable, Map)}.
     *
     * <pre>{@code
     * var rows = Kestra.recordCallable("load", () -> load(), Map.of("file", file)); // instead
     * }</pre>
     *
     * @param <T>  the body's result type
     * @param name the metric name, not empty
     * @param body the work to time
     * @param tags tag names to strings, numbers or booleans; {@code null} for none
     * @return what {@code body} returned
     * @throws Exception what {@code body} threw, unchanged
     * @deprecated use {@link #recordCallable(String, Callable, Map)}; see {@link #timer(String, Runnable)}
     */
    @Deprecated
    public static <T> T timer(String name, Callable<T> body, Map<String, ?> tags) throws Exception {
        return emitter().recordCallable(name, body, tags);
    }

    /**
     * Reports assets: one {@code assets} line with {@code inputs} and {@code outputs} lists.
     *
     * <pre>{@code
     * Kestra.assets(Map.of("outputs", List.of(Map.of("id", "orders", "type", "io.kestra.core.models.assets.Table"))));
     * }</pre>
     *
     * @param assets a map with {@code inputs} and/or {@code outputs}, each a list of asset maps
     * @throws dev.kestrasdk.wire.WireFormatException if the assets are malformed or cannot be written
     */
    public static void assets(Map<String, ?> assets) {
        emitter().assets(assets);
    }

    /**
     * The execution context of the running Kestra task, read on first use, then kept; see {@link ExecutionContext}.
     *
     * <pre>{@code
     * String dataset = Kestra.context().inputs().getString("dataset");
     * String execution = Kestra.context().executionId();
     * }</pre>
     *
     * @return the context
     * @throws IllegalStateException if there is none: {@code No Kestra execution context found: ...}
     */
    public static ExecutionContext context() {
        ExecutionContext c = context;
        if (c == null) {
            synchronized (Kestra.class) {
                c = context;
                if (c == null) {
                    c = context = ExecutionContext.load();
                }
            }
        }
        return c;
    }

    /**
     * The logger whose calls become {@code logs} lines.
     *
     * <pre>{@code
     * Kestra.logger().info("rows: {}", 42);
     * }</pre>
     *
     * @return the current emitter's logger
     */
    public static KestraLogger logger() {
        return emitter().logger();
    }

    /**
     * Sends every later line to {@code sink}.
     *
     * <pre>{@code
     * CollectingSink sink = new CollectingSink();
     * LineSink previous = Kestra.setSink(sink);
     * try {
     *     Kestra.counter("rows", 1);
     * } finally {
     *     Kestra.setSink(previous);
     * }
     * sink.lines(); // [::{"metrics":[...]}::]
     * }</pre>
     *
     * @param sink where lines go from now on
     * @return the previous sink, to restore it
     */
    public static synchronized LineSink setSink(LineSink sink) {
        Emitter old = emitter();
        Emitter next = new Emitter(Objects.requireNonNull(sink, "sink"));
        next.logger().setThreshold(old.logger().threshold()); // the threshold belongs to the script, not the sink
        emitter = next;
        LineSink previous = old.sink();
        return previous;
    }

    /**
     * The emitter behind the facade, for code that wants to pass the verbs around.
     *
     * <pre>{@code
     * Emitter emitter = Kestra.emitter();
     * emitter.counter("rows", 42, null);
     * }</pre>
     *
     * @return the current emitter, created with the discovered sink on first use
     */
    public static Emitter emitter() {
        Emitter e = emitter;
        if (e == null) {
            synchronized (Kestra.class) {
                e = emitter;
                if (e == null) {
                    e = emitter = new Emitter(SinkDiscovery.discover(Thread.currentThread().getContextClassLoader(),
                            warning -> System.err.println("kestra-sdk: warning: " + warning)));
                }
            }
        }
        return e;
    }
}
