package dev.kestrasdk.emit;

import dev.kestrasdk.protocol.LogLevel;

import java.util.List;
import java.util.Objects;

/**
 * Sends log entries to Kestra, one {@code logs} line per call, with SLF4J's conventions: {@code {}}
 * placeholders, a last {@link Throwable} argument printed with its stack trace (see {@link LogMessage}),
 * {@code isDebugEnabled()} and its siblings, and a threshold below which calls print nothing.
 *
 * <pre>{@code
 * KestraLogger log = Kestra.logger();
 * log.info("rows: {}", 42);                 // ::{"logs":[{"level":"INFO","message":"rows: 42"}]}::
 * log.error("load of {} failed", file, e);  // the message, then e's stack trace
 * if (log.isDebugEnabled()) {
 *     log.debug("state: {}", expensiveDump());
 * }
 * }</pre>
 *
 * <p>The levels are Kestra's: {@code TRACE < DEBUG < INFO < WARN < ERROR}. The threshold starts at
 * {@code TRACE} (everything is written; the flow's task {@code logLevel} filters on Kestra's side).
 */
public final class KestraLogger {
    private final Emitter emitter;
    private volatile LogLevel threshold = LogLevel.TRACE;

    KestraLogger(Emitter emitter) {
        this.emitter = emitter;
    }

    /**
     * The lowest level written.
     *
     * <pre>{@code
     * LogLevel level = Kestra.logger().threshold(); // TRACE unless changed
     * }</pre>
     *
     * @return the threshold, {@code TRACE} at first
     */
    public LogLevel threshold() {
        return threshold;
    }

    /**
     * Writes only calls at {@code level} or above from now on; the others print nothing.
     *
     * <pre>{@code
     * Kestra.logger().setThreshold(LogLevel.INFO); // debug(...) and trace(...) are now silent
     * }</pre>
     *
     * @param level the lowest level written, not null
     */
    public void setThreshold(LogLevel level) {
        threshold = Objects.requireNonNull(level, "level");
    }

    /**
     * Whether a call at {@code level} is written.
     *
     * <pre>{@code
     * if (log.isEnabled(LogLevel.DEBUG)) { ... }
     * }</pre>
     *
     * @param level a level, not null
     * @return true if {@code level} is at or above the threshold
     */
    public boolean isEnabled(LogLevel level) {
        return level.compareTo(threshold) >= 0;
    }

    /**
     * Whether {@code trace(...)} is written.
     *
     * <pre>{@code
     * if (log.isTraceEnabled()) { log.trace("payload: {}", payload); }
     * }</pre>
     *
     * @return true if the threshold is {@code TRACE}
     */
    public boolean isTraceEnabled() {
        return isEnabled(LogLevel.TRACE);
    }

    /**
     * Whether {@code debug(...)} is written.
     *
     * <pre>{@code
     * if (log.isDebugEnabled()) { log.debug("state: {}", dump()); }
     * }</pre>
     *
     * @return true if the threshold is {@code DEBUG} or lower
     */
    public boolean isDebugEnabled() {
        return isEnabled(LogLevel.DEBUG);
    }

    /**
     * Whether {@code info(...)} is written.
     *
     * <pre>{@code
     * if (log.isInfoEnabled()) { log.info("rows: {}", count()); }
     * }</pre>
     *
     * @return true if the threshold is {@code INFO} or lower
     */
    public boolean isInfoEnabled() {
        return isEnabled(LogLevel.INFO);
    }

    /**
     * Whether {@code warn(...)} is written.
     *
     * <pre>{@code
     * if (log.isWarnEnabled()) { log.warn("slow: {} s", seconds); }
     * }</pre>
     *
     * @return true if the threshold is {@code WARN} or lower
     */
    public boolean isWarnEnabled() {
        return isEnabled(LogLevel.WARN);
    }

    /**
     * Whether {@code error(...)} is written.
     *
     * <pre>{@code
     * if (log.isErrorEnabled()) { log.error("failed", e); }
     * }</pre>
     *
     * @return always true: {@code ERROR} is the highest level
     */
    public boolean isErrorEnabled() {
        return isEnabled(LogLevel.ERROR);
    }

    /**
     * One {@code TRACE} entry.
     *
     * <pre>{@code
     * log.trace("row {} parsed as {}", index, row);
     * }</pre>
     *
     * @param format the message, with {@code {}} placeholders
     * @param args   the placeholders' values, then optionally a {@link Throwable}
     * @throws dev.kestrasdk.wire.WireFormatException if the message cannot be written
     */
    public void trace(String format, Object... args) {
        log(LogLevel.TRACE, format, args);
    }

    /**
     * One {@code DEBUG} entry.
     *
     * <pre>{@code
     * log.debug("query: {}", sql);
     * }</pre>
     *
     * @param format the message, with {@code {}} placeholders
     * @param args   the placeholders' values, then optionally a {@link Throwable}
     * @throws dev.kestrasdk.wire.WireFormatException if the message cannot be written
     */
    public void debug(String format, Object... args) {
        log(LogLevel.DEBUG, format, args);
    }

    /**
     * One {@code INFO} entry.
     *
     * <pre>{@code
     * log.info("rows: {}", 42); // "rows: 42"
     * }</pre>
     *
     * @param format the message, with {@code {}} placeholders
     * @param args   the placeholders' values, then optionally a {@link Throwable}
     * @throws dev.kestrasdk.wire.WireFormatException if the message cannot be written
     */
    public void info(String format, Object... args) {
        log(LogLevel.INFO, format, args);
    }

    /**
     * One {@code WARN} entry.
     *
     * <pre>{@code
     * log.warn("retrying {} after {}", url, e); // the message, then e's stack trace
     * }</pre>
     *
     * @param format the message, with {@code {}} placeholders
     * @param args   the placeholders' values, then optionally a {@link Throwable}
     * @throws dev.kestrasdk.wire.WireFormatException if the message cannot be written
     */
    public void warn(String format, Object... args) {
        log(LogLevel.WARN, format, args);
    }

    /**
     * One {@code ERROR} entry.
     *
     * <pre>{@code
     * log.error("load failed", e); // "load failed", then e's stack trace
     * }</pre>
     *
     * @param format the message, with {@code {}} placeholders
     * @param args   the placeholders' values, then optionally a {@link Throwable}
     * @throws dev.kestrasdk.wire.WireFormatException if the message cannot be written
     */
    public void error(String format, Object... args) {
        log(LogLevel.ERROR, format, args);
    }

    /**
     * One entry at {@code level}, if the level is enabled; for bridges from other logging APIs.
     *
     * <pre>{@code
     * log.log(LogLevel.WARN, "disk {}% full", 93);
     * }</pre>
     *
     * @param level  the entry's level, not null
     * @param format the message, with {@code {}} placeholders
     * @param args   the placeholders' values, then optionally a {@link Throwable}
     * @throws dev.kestrasdk.wire.WireFormatException if the message cannot be written
     */
    public void log(LogLevel level, String format, Object... args) {
        if (level == null || isEnabled(level)) { // a null level reaches the encoder, which names it
            emitter.log(level, List.of(LogMessage.format(format, args)));
        }
    }
}
