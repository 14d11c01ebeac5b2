package dev.kestrasdk.emit;

import dev.kestrasdk.protocol.MetricType;

import java.time.Duration;
import java.util.Map;

/**
 * A timer started by {@code Kestra.startTimer(name)} (or {@link Emitter#startTimer}): {@link #stop(Map)}
 * records the time since the start, read from the monotonic clock, as one {@code timer} metric line.
 *
 * <pre>{@code
 * TimerSample sample = Kestra.startTimer("download");
 * try {
 *     download();
 * } finally {
 *     sample.stop(Map.of("host", host));
 * }
 * }</pre>
 *
 * <p>Each {@code stop} records the time since the start; stopping twice records two timers.
 */
public final class TimerSample {
    private final Emitter emitter;
    private final String name;
    private final long startNanos;

    TimerSample(Emitter emitter, String name, long startNanos) {
        this.emitter = emitter;
        this.name = name;
        this.startNanos = startNanos;
    }

    /**
     * Records the timer without tags.
     *
     * <pre>{@code
     * Duration took = sample.stop();
     * }</pre>
     *
     * @return the time recorded
     */
    public Duration stop() {
        return stop(null);
    }

    /**
     * Records the timer with tags.
     *
     * <pre>{@code
     * sample.stop(Map.of("host", "example.org"));
     * }</pre>
     *
     * @param tags tag names to strings, numbers or booleans; {@code null} for none
     * @return the time recorded
     * @throws dev.kestrasdk.wire.WireFormatException if a tag cannot be written; nothing is printed then
     */
    public Duration stop(Map<String, ?> tags) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        emitter.metric(MetricType.TIMER, name, elapsed, tags);
        return elapsed;
    }
}
