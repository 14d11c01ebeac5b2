package dev.kestrasdk.kestra;

import dev.kestrasdk.parse.LineParser;
import dev.kestrasdk.parse.ParsedLine;
import dev.kestrasdk.protocol.LogEntry;
import dev.kestrasdk.runner.ConsoleListener;
import dev.kestrasdk.runner.ConsoleStream;
import org.slf4j.Logger;

/**
 * A script's console, live, into the task's logger as Kestra's script tasks log a process's console: an ordinary
 * standard output line at INFO, a standard error line at ERROR, the entries of a {@code ::{"logs":[...]}::} line at
 * their own level, and a protocol line Kestra refuses at WARN with the reason. Outputs and metrics are taken from
 * the run's result, not here.
 */
final class TaskConsole implements ConsoleListener {
    private final LineParser parser = new LineParser();
    private final Logger logger;

    TaskConsole(Logger logger) {
        this.logger = logger;
    }

    @Override
    public void line(ConsoleStream stream, String line) {
        ParsedLine parsed = parser.parse(line);
        switch (parsed.verdict()) {
            case LOG -> {
                if (stream == ConsoleStream.STDERR) {
                    logger.error(line);
                } else {
                    logger.info(line);
                }
            }
            case ACCEPTED -> parsed.message().logs().forEach(this::log);
            case REJECTED -> logger.warn("Kestra would drop this protocol line ({}): {}",
                    parsed.diagnostics().isEmpty() ? "invalid" : parsed.diagnostics().get(0).message(), line);
        }
    }

    private void log(LogEntry entry) {
        String message = entry.message();
        switch (entry.level()) {
            case TRACE -> logger.trace(message);
            case DEBUG -> logger.debug(message);
            case INFO -> logger.info(message);
            case WARN -> logger.warn(message);
            case ERROR -> logger.error(message);
        }
    }
}
