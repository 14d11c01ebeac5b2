package dev.kestrasdk;

import dev.kestrasdk.emit.Emitter;
import dev.kestrasdk.emit.KestraLogger;
import dev.kestrasdk.sink.LineSink;
import dev.kestrasdk.sink.LineSinkProvider;
import dev.kestrasdk.sink.StdoutSink;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
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
 * var result = Kestra.timer("load", () -> load());
 * Kestra.logger().info("done");
 * }</pre>
 *
 * <p>A static facade over an {@link Emitter}, in the manner of SLF4J: the sink comes from a
 * {@link LineSinkProvider} found on the class path, else standard output, and can be replaced with
 * {@link #setSink}.
 */
public final class Kestra {
    private static volatile Emitter emitter;

    private Kestra() {
    }

    public static void outputs(Map<String, ?> outputs) {
        emitter().outputs(outputs);
    }

    public static void counter(String name, Number value) {
        emitter().counter(name, value, null);
    }

    public static void counter(String name, Number value, Map<String, ?> tags) {
        emitter().counter(name, value, tags);
    }

    public static void gauge(String name, Number value) {
        emitter().gauge(name, value, null);
    }

    public static void gauge(String name, Number value, Map<String, ?> tags) {
        emitter().gauge(name, value, tags);
    }

    /** A timer of {@code seconds}. */
    public static void timer(String name, Number seconds) {
        emitter().timer(name, seconds, null);
    }

    public static void timer(String name, Number seconds, Map<String, ?> tags) {
        emitter().timer(name, seconds, tags);
    }

    public static void timer(String name, Duration duration) {
        emitter().timer(name, duration, null);
    }

    public static void timer(String name, Duration duration, Map<String, ?> tags) {
        emitter().timer(name, duration, tags);
    }

    /** Times {@code body} with the monotonic clock; the timer is recorded even if it throws, and the exception passes through. */
    public static void timer(String name, Runnable body) {
        emitter().timer(name, body, null);
    }

    public static void timer(String name, Runnable body, Map<String, ?> tags) {
        emitter().timer(name, body, tags);
    }

    /** Times {@code body} and returns its result; the timer is recorded even if it throws. */
    public static <T> T timer(String name, Callable<T> body) throws Exception {
        return emitter().timer(name, body, null);
    }

    public static <T> T timer(String name, Callable<T> body, Map<String, ?> tags) throws Exception {
        return emitter().timer(name, body, tags);
    }

    public static void assets(Map<String, ?> assets) {
        emitter().assets(assets);
    }

    public static KestraLogger logger() {
        return emitter().logger();
    }

    /** Sends every later line to {@code sink}; returns the previous sink (to restore it). */
    public static synchronized LineSink setSink(LineSink sink) {
        LineSink previous = emitter().sink();
        emitter = new Emitter(Objects.requireNonNull(sink, "sink"));
        return previous;
    }

    /** The emitter behind the facade, for code that wants to pass the verbs around. */
    public static Emitter emitter() {
        Emitter e = emitter;
        if (e == null) {
            synchronized (Kestra.class) {
                e = emitter;
                if (e == null) {
                    e = emitter = new Emitter(discoverSink());
                }
            }
        }
        return e;
    }

    private static LineSink discoverSink() {
        for (LineSinkProvider provider : ServiceLoader.load(LineSinkProvider.class)) {
            LineSink sink = provider.sink();
            if (sink != null) {
                return sink;
            }
        }
        return StdoutSink.INSTANCE;
    }
}
