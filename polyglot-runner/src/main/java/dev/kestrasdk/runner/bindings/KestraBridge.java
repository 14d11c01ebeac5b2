package dev.kestrasdk.runner.bindings;

import dev.kestrasdk.emit.Emitter;
import dev.kestrasdk.internal.wire.OtlpLine;
import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.protocol.MetricType;
import dev.kestrasdk.wire.WireFormatException;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one Java object a guest's {@code kestra} module talks to. Each method converts its guest arguments with
 * {@link GuestValues} and calls the script's {@link Emitter}, which prints one line into the script's own
 * console. A method returns {@code null} when the line was printed, or a {@link BridgeError} (nothing printed)
 * that the guest module raises as its own exception. The guest modules (kestra.py, index.cjs) are the
 * public API; this class is their private back end.
 */
public final class KestraBridge {
    private final ScriptEmitters emitters;
    private final GuestValues values;

    public KestraBridge(ScriptEmitters emitters, GuestValues values) {
        this.emitters = emitters;
        this.values = values;
    }

    /**
     * Raw text onto the script's console, as it is (no newline added): JavaScript's {@code process.stdout.write}
     * and {@code process.stderr.write}. Lines are cut and read as Kestra reads them, like any other output.
     */
    @HostAccess.Export
    public void write(String stream, String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            ("stderr".equals(stream) ? emitters.stderrStream() : emitters.stdoutStream()).write(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // in-memory console streams do not fail
        }
    }

    @HostAccess.Export
    public BridgeError outputs(Value outputs) {
        return call(() -> emitters.stdout().outputs(values.toMap(outputs, "outputs")));
    }

    @HostAccess.Export
    public BridgeError assets(Value assets) {
        return call(() -> emitters.stdout().assets(values.toMap(assets, "assets")));
    }

    /** @param type {@code counter}, {@code gauge} or {@code timer} (the guest module passes a constant) */
    @HostAccess.Export
    public BridgeError metric(String type, Value name, Value value, Value tags) {
        MetricType metricType = MetricType.fromWireName(type);
        return call(() -> emitters.stdout().metric(metricType, values.toName(name), values.toMetricValue(value),
                values.toTags(tags)));
    }

    /** Checks a timer's name and tags before a timed body runs, so a bad name fails before the work, as in Java. */
    @HostAccess.Export
    public BridgeError checkTimer(Value name, Value tags) {
        return call(() -> dev.kestrasdk.internal.wire.WireEncoder.metricLine(MetricType.TIMER, values.toName(name), 0,
                values.toTags(tags)));
    }

    /** A timer measured by the guest with a {@link Stopwatch}. */
    @HostAccess.Export
    public BridgeError timerNanos(Value name, long nanos, Value tags) {
        return call(() -> emitters.stdout().timer(values.toName(name), Duration.ofNanos(nanos), values.toTags(tags)));
    }

    /**
     * One {@code logs} line with one entry per message. TRACE, DEBUG and INFO go to stdout, WARN and ERROR to
     * stderr, as Kestra's Python and Node libraries do.
     *
     * @param messages a guest list of strings (the guest module formats its arguments)
     */
    @HostAccess.Export
    public BridgeError log(String level, Value messages) {
        return call(() -> {
            LogLevel logLevel = LogLevel.fromWireName(level);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < messages.getArraySize(); i++) {
                Value m = messages.getArrayElement(i);
                texts.add(m.isString() ? m.asString() : m.toString());
            }
            Emitter emitter = logLevel == LogLevel.WARN || logLevel == LogLevel.ERROR ? emitters.stderr() : emitters.stdout();
            emitter.log(logLevel, texts);
        });
    }

    /**
     * One {@code ::{"otlp":...}::} line of the guests' OpenTelemetry exporters ({@code kestra.otel},
     * {@code @kestra-io/libs/otel}), which the guest encodes with OpenTelemetry's own libraries: written with its
     * newline into the script's stdout sink, as every SDK line is.
     */
    @HostAccess.Export
    public BridgeError otlpLine(String line) {
        return call(() -> emitters.stdout().sink().accept(OtlpLine.of(line)));
    }

    @HostAccess.Export
    public Stopwatch stopwatch() {
        return new Stopwatch();
    }

    private static BridgeError call(Runnable emit) {
        try {
            emit.run();
            return null;
        } catch (WireFormatException e) {
            return new BridgeError(e);
        }
    }
}
