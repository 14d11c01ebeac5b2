package dev.kestrasdk.emit;

import dev.kestrasdk.protocol.LogLevel;

/**
 * Sends log entries to Kestra through {@code logs} lines. Several messages in one call become several
 * entries of one line, as in Kestra's Node library: {@code info("a", "b")}.
 */
public final class KestraLogger {
    private final Emitter emitter;

    KestraLogger(Emitter emitter) {
        this.emitter = emitter;
    }

    public void trace(String... messages) {
        emitter.log(LogLevel.TRACE, messages);
    }

    public void debug(String... messages) {
        emitter.log(LogLevel.DEBUG, messages);
    }

    public void info(String... messages) {
        emitter.log(LogLevel.INFO, messages);
    }

    public void warn(String... messages) {
        emitter.log(LogLevel.WARN, messages);
    }

    public void error(String... messages) {
        emitter.log(LogLevel.ERROR, messages);
    }
}
