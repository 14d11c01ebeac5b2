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

    /**
     * One {@code TRACE} line.
     *
     * @param messages one entry each, at least one
     * @throws dev.kestrasdk.wire.WireFormatException if there is no message or one cannot be written
     */
    public void trace(String... messages) {
        emitter.log(LogLevel.TRACE, messages);
    }

    /**
     * One {@code DEBUG} line.
     *
     * @param messages one entry each, at least one
     * @throws dev.kestrasdk.wire.WireFormatException if there is no message or one cannot be written
     */
    public void debug(String... messages) {
        emitter.log(LogLevel.DEBUG, messages);
    }

    /**
     * One {@code INFO} line.
     *
     * @param messages one entry each, at least one
     * @throws dev.kestrasdk.wire.WireFormatException if there is no message or one cannot be written
     */
    public void info(String... messages) {
        emitter.log(LogLevel.INFO, messages);
    }

    /**
     * One {@code WARN} line.
     *
     * @param messages one entry each, at least one
     * @throws dev.kestrasdk.wire.WireFormatException if there is no message or one cannot be written
     */
    public void warn(String... messages) {
        emitter.log(LogLevel.WARN, messages);
    }

    /**
     * One {@code ERROR} line.
     *
     * @param messages one entry each, at least one
     * @throws dev.kestrasdk.wire.WireFormatException if there is no message or one cannot be written
     */
    public void error(String... messages) {
        emitter.log(LogLevel.ERROR, messages);
    }
}
