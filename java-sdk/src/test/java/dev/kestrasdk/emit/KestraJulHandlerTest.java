package dev.kestrasdk.emit;

import dev.kestrasdk.Kestra;
import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.sink.CollectingSink;
import dev.kestrasdk.sink.LineSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** java.util.logging records become Kestra log entries: levels mapped, logger name in front, stack trace after. */
class KestraJulHandlerTest {
    private final CollectingSink sink = new CollectingSink();
    private final Emitter emitter = new Emitter(sink, warning -> { });
    private Logger logger;
    private KestraJulHandler handler;

    private static String line(String level, String message) {
        return "::{\"logs\":[{\"level\":\"" + level + "\",\"message\":\"" + message + "\"}]}::";
    }

    @BeforeEach
    void logger() {
        logger = Logger.getLogger("orders.load");
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        handler = new KestraJulHandler(emitter);
        logger.addHandler(handler);
    }

    @AfterEach
    void remove() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(true);
        logger.setLevel(null);
    }

    @Test
    void levelsMapByValue() {
        assertEquals(List.of(LogLevel.ERROR, LogLevel.WARN, LogLevel.INFO, LogLevel.DEBUG, LogLevel.DEBUG, LogLevel.TRACE, LogLevel.TRACE,
                        LogLevel.ERROR, LogLevel.TRACE, LogLevel.INFO),
                List.of(Level.SEVERE, Level.WARNING, Level.INFO, Level.CONFIG, Level.FINE, Level.FINER, Level.FINEST,
                                Level.OFF, Level.ALL, new Level("NOTICE", 850) { }).stream()
                        .map(KestraJulHandler::levelOf).toList());
    }

    @Test
    void recordsBecomeEntriesWithTheLoggerName() {
        logger.severe("down");
        logger.warning("slow");
        logger.info("loaded");
        logger.config("config");
        logger.fine("fine");
        logger.finer("finer");
        logger.finest("finest");
        logger.log(Level.INFO, "rows: {0} of {1}", new Object[] {42, "a.csv"});
        logger.info("braces {} stay");
        assertEquals(List.of(line("ERROR", "[orders.load] down"), line("WARN", "[orders.load] slow"), line("INFO", "[orders.load] loaded"),
                line("DEBUG", "[orders.load] config"), line("DEBUG", "[orders.load] fine"), line("TRACE", "[orders.load] finer"),
                line("TRACE", "[orders.load] finest"), line("INFO", "[orders.load] rows: 42 of a.csv"),
                line("INFO", "[orders.load] braces {} stay")), sink.lines());
    }

    @Test
    void aThrownExceptionFollowsTheMessage() {
        IOException e = new IOException("disk full");
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement("Load", "run", "Load.java", 12)});
        logger.log(Level.SEVERE, "load failed", e);
        assertEquals(List.of(line("ERROR", "[orders.load] load failed\\njava.io.IOException: disk full\\n\\tat Load.run(Load.java:12)")),
                sink.lines());
    }

    @Test
    void theHandlerLevelAndTheThresholdBothFilter() {
        handler.setLevel(Level.CONFIG);
        logger.fine("dropped by the handler");
        logger.config("kept");
        emitter.logger().setThreshold(LogLevel.WARN);
        logger.info("dropped by the threshold");
        logger.warning("kept too");
        assertEquals(List.of(line("DEBUG", "[orders.load] kept"), line("WARN", "[orders.load] kept too")), sink.lines());
    }

    @Test
    void aRecordWithoutALoggerNameHasNoPrefix() {
        handler.publish(new LogRecord(Level.INFO, "bare"));
        assertEquals(List.of(line("INFO", "bare")), sink.lines());
    }

    @Test
    void installReplacesTheRootHandlersAndFollowsTheFacadeSink() {
        Logger root = LogManager.getLogManager().getLogger("");
        List<Handler> before = List.of(root.getHandlers());
        LineSink previous = Kestra.setSink(sink);
        try {
            KestraJulHandler installed = KestraJulHandler.install();
            assertEquals(List.of(installed), List.of(root.getHandlers()));
            Logger.getLogger("any.library").warning("through the root");
            assertEquals(List.of(line("WARN", "[any.library] through the root")), sink.lines());
            CollectingSink later = new CollectingSink();
            Kestra.setSink(later);
            Logger.getLogger("any.library").warning("after setSink");
            assertEquals(List.of(line("WARN", "[any.library] after setSink")), later.lines());
            assertSame(installed, root.getHandlers()[0]);
        } finally {
            Kestra.setSink(previous);
            for (Handler h : root.getHandlers()) {
                root.removeHandler(h);
            }
            new ArrayList<>(before).forEach(root::addHandler);
        }
    }
}
