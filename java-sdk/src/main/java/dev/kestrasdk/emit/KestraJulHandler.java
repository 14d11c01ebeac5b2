package dev.kestrasdk.emit;

import dev.kestrasdk.Kestra;
import dev.kestrasdk.protocol.LogLevel;

import java.util.function.Supplier;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A {@code java.util.logging} handler whose records become Kestra log entries, for JDK code and libraries that
 * log through JUL. Levels map by value: {@code SEVERE} to {@code ERROR}, {@code WARNING} to {@code WARN},
 * {@code INFO} to {@code INFO}, {@code CONFIG} and {@code FINE} to {@code DEBUG}, {@code FINER} and
 * {@code FINEST} to {@code TRACE} (a custom level goes with the standard level at or below it). An entry reads
 * {@code [logger.name] message}, the message formatted as JUL formats it ({@code {0}} parameters, resource
 * bundles), followed by the thrown exception's stack trace; {@link #setFormatter} replaces that text.
 *
 * <pre>{@code
 * KestraJulHandler.install(); // the root logger now writes to Kestra instead of standard error
 * Logger.getLogger("orders").info("loaded");  // ::{"logs":[{"level":"INFO","message":"[orders] loaded"}]}::
 * }</pre>
 */
public final class KestraJulHandler extends Handler {
    private final Supplier<KestraLogger> logger;

    /**
     * A handler writing through {@code Kestra.logger()}, read at each record so that {@code Kestra.setSink}
     * applies.
     *
     * <pre>{@code
     * Logger.getLogger("").addHandler(new KestraJulHandler());
     * }</pre>
     */
    public KestraJulHandler() {
        this(Kestra::logger);
    }

    /**
     * A handler writing through one emitter's logger.
     *
     * <pre>{@code
     * Logger.getLogger("orders").addHandler(new KestraJulHandler(emitter));
     * }</pre>
     *
     * @param emitter where the entries go
     */
    public KestraJulHandler(Emitter emitter) {
        this(emitter::logger);
    }

    private KestraJulHandler(Supplier<KestraLogger> logger) {
        this.logger = logger;
        setFormatter(new NamedMessage());
    }

    /**
     * Replaces the root logger's handlers (the JDK's {@code ConsoleHandler}) with a new handler writing through
     * {@code Kestra.logger()}, so that every JUL logger writes to Kestra.
     *
     * <pre>{@code
     * KestraJulHandler.install();
     * }</pre>
     *
     * @return the handler installed
     */
    public static KestraJulHandler install() {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        KestraJulHandler handler = new KestraJulHandler();
        root.addHandler(handler);
        return handler;
    }

    /**
     * The Kestra level of a JUL level.
     *
     * <pre>{@code
     * KestraJulHandler.levelOf(Level.WARNING); // WARN
     * }</pre>
     *
     * @param level a JUL level, not null
     * @return the Kestra level it maps to
     */
    public static LogLevel levelOf(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return LogLevel.ERROR;
        }
        if (value >= Level.WARNING.intValue()) {
            return LogLevel.WARN;
        }
        if (value >= Level.INFO.intValue()) {
            return LogLevel.INFO;
        }
        if (value >= Level.FINE.intValue()) {
            return LogLevel.DEBUG;
        }
        return LogLevel.TRACE;
    }

    /**
     * Writes one entry for {@code record}, if this handler's level and the Kestra logger's threshold let it
     * through; an entry that cannot be written is reported to the handler's {@link java.util.logging.ErrorManager}.
     *
     * <pre>{@code
     * handler.publish(new LogRecord(Level.INFO, "loaded"));
     * }</pre>
     *
     * @param record the record
     */
    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        KestraLogger target = logger.get();
        LogLevel level = levelOf(record.getLevel());
        if (!target.isEnabled(level)) {
            return;
        }
        try {
            String text = getFormatter().format(record);
            target.log(level, "{}", text); // the text is final: "{}" keeps its own braces from being read as placeholders
        } catch (RuntimeException e) {
            reportError("kestra-sdk: could not write a JUL record as a Kestra log entry", e, java.util.logging.ErrorManager.WRITE_FAILURE);
        }
    }

    /**
     * Nothing to flush: each entry is written by {@code publish}.
     *
     * <pre>{@code
     * handler.flush();
     * }</pre>
     */
    @Override
    public void flush() {
    }

    /**
     * Nothing to release; the sink belongs to the emitter.
     *
     * <pre>{@code
     * handler.close();
     * }</pre>
     */
    @Override
    public void close() {
    }

    /** {@code [name] message}, then the stack trace. */
    private static final class NamedMessage extends Formatter {
        @Override
        public String format(LogRecord record) {
            return LogMessage.withStackTrace(LogMessage.named(record.getLoggerName(), formatMessage(record)), record.getThrown());
        }
    }
}
