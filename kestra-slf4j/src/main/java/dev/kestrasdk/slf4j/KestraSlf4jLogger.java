package dev.kestrasdk.slf4j;

import dev.kestrasdk.Kestra;
import dev.kestrasdk.emit.KestraLogger;
import dev.kestrasdk.emit.LogMessage;
import dev.kestrasdk.protocol.LogLevel;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.spi.MDCAdapter;

import java.util.Map;
import java.util.TreeMap;

/**
 * An SLF4J logger writing through {@code Kestra.logger()} (read at each call, so {@code Kestra.setSink} and the
 * logger's threshold apply). A Kestra log entry has only a level and a message, so the logger's name goes in
 * front and the MDC after: {@code [com.example.Orders] rows: 42 {file=a.csv}}. SLF4J's levels are Kestra's.
 *
 * <pre>{@code
 * Logger log = LoggerFactory.getLogger(Orders.class);
 * log.info("rows: {}", 42);        // [com.example.Orders] rows: 42
 * log.error("load failed", e);     // [com.example.Orders] load failed, then e's stack trace
 * }</pre>
 */
public final class KestraSlf4jLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    private final transient MDCAdapter mdc;

    KestraSlf4jLogger(String name, MDCAdapter mdc) {
        this.name = name;
        this.mdc = mdc;
    }

    /**
     * The Kestra level of an SLF4J level: the same name.
     *
     * <pre>{@code
     * KestraSlf4jLogger.levelOf(Level.WARN); // LogLevel.WARN
     * }</pre>
     *
     * @param level an SLF4J level
     * @return the Kestra level of that name
     */
    public static LogLevel levelOf(Level level) {
        return LogLevel.valueOf(level.name());
    }

    /**
     * Whether {@code trace} calls are written: {@code Kestra.logger()}'s threshold decides.
     *
     * <pre>{@code
     * if (log.isTraceEnabled()) { log.trace("payload {}", payload); }
     * }</pre>
     *
     * @return true if TRACE is at or above the threshold
     */
    @Override
    public boolean isTraceEnabled() {
        return Kestra.logger().isEnabled(LogLevel.TRACE);
    }

    /**
     * Whether {@code debug} calls are written.
     *
     * <pre>{@code
     * if (log.isDebugEnabled()) { log.debug("state {}", state); }
     * }</pre>
     *
     * @return true if DEBUG is at or above the threshold
     */
    @Override
    public boolean isDebugEnabled() {
        return Kestra.logger().isEnabled(LogLevel.DEBUG);
    }

    /**
     * Whether {@code info} calls are written.
     *
     * <pre>{@code
     * if (log.isInfoEnabled()) { log.info("rows {}", rows); }
     * }</pre>
     *
     * @return true if INFO is at or above the threshold
     */
    @Override
    public boolean isInfoEnabled() {
        return Kestra.logger().isEnabled(LogLevel.INFO);
    }

    /**
     * Whether {@code warn} calls are written.
     *
     * <pre>{@code
     * if (log.isWarnEnabled()) { log.warn("slow {}", seconds); }
     * }</pre>
     *
     * @return true if WARN is at or above the threshold
     */
    @Override
    public boolean isWarnEnabled() {
        return Kestra.logger().isEnabled(LogLevel.WARN);
    }

    /**
     * Whether {@code error} calls are written.
     *
     * <pre>{@code
     * if (log.isErrorEnabled()) { log.error("failed", e); }
     * }</pre>
     *
     * @return true if ERROR is at or above the threshold (always)
     */
    @Override
    public boolean isErrorEnabled() {
        return Kestra.logger().isEnabled(LogLevel.ERROR);
    }

    /**
     * No caller class: a Kestra log entry has no field for the caller's location.
     *
     * <pre>{@code
     * // called by SLF4J's AbstractLogger, not by scripts
     * }</pre>
     *
     * @return {@code null}
     */
    @Override
    protected String getFullyQualifiedCallerName() {
        return null; // the caller's location is not written
    }

    /**
     * Writes one entry: {@code [name] message {mdc}}, then the stack trace; SLF4J's {@code AbstractLogger} calls
     * it for every logging method, with the throwable already apart from the arguments.
     *
     * <pre>{@code
     * log.warn("slow: {} s", 12); // arrives here as (WARN, null, "slow: {} s", [12], null)
     * }</pre>
     *
     * @param level          the SLF4J level
     * @param marker         ignored: not written
     * @param messagePattern the message, with {@code {}} placeholders
     * @param arguments      the placeholders' values, or {@code null}
     * @param throwable      printed with its stack trace after the message, or {@code null}
     */
    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
        KestraLogger target = Kestra.logger();
        LogLevel kestraLevel = levelOf(level);
        if (!target.isEnabled(kestraLevel)) {
            return; // the fluent API and the Marker variants arrive here without an isXEnabled check
        }
        String text = LogMessage.named(name, LogMessage.format(messagePattern, arguments, null));
        Map<String, String> context = mdc.getCopyOfContextMap();
        if (context != null && !context.isEmpty()) {
            text = text + " " + new TreeMap<>(context);
        }
        target.log(kestraLevel, "{}", LogMessage.withStackTrace(text, throwable));
    }
}
