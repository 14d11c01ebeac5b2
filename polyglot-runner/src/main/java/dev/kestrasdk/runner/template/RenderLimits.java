package dev.kestrasdk.runner.template;

import java.time.Duration;

/**
 * What rendering one script's template may cost; past any limit rendering stops with a {@link TemplateException}
 * naming the limit. The script's own timeout also covers rendering (the runner passes it as a stop signal).
 *
 * @param time       wall time for rendering
 * @param outputChars characters of rendered text
 * @param iterations {@code for} loop iterations, all loops together, and elements of every {@code range(...)}
 *                   (and {@code a..b}) together: a range is built as a whole list before any loop sees it
 */
public record RenderLimits(Duration time, long outputChars, long iterations) {
    public static final RenderLimits DEFAULTS = new RenderLimits(Duration.ofSeconds(5), 10_000_000, 1_000_000);

    public RenderLimits {
        if (time.isNegative() || time.isZero() || outputChars <= 0 || iterations <= 0) {
            throw new IllegalArgumentException("render limits must be positive: " + time + ", " + outputChars + ", " + iterations);
        }
    }
}
