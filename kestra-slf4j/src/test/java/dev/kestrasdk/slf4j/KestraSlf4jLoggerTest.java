package dev.kestrasdk.slf4j;

import dev.kestrasdk.Kestra;
import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.sink.CollectingSink;
import dev.kestrasdk.sink.LineSink;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;
import org.slf4j.event.Level;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SLF4J finds the provider on the class path, and the SLF4J logs of a library become Kestra log lines. */
class KestraSlf4jLoggerTest {
    private final CollectingSink sink = new CollectingSink();
    private LineSink previous;

    private static String line(String level, String message) {
        return "::{\"logs\":[{\"level\":\"" + level + "\",\"message\":\"" + message + "\"}]}::";
    }

    @BeforeEach
    void collect() {
        previous = Kestra.setSink(sink);
    }

    @AfterEach
    void restore() {
        Kestra.logger().setThreshold(LogLevel.TRACE);
        Kestra.setSink(previous);
        MDC.clear();
    }

    @Test
    void slf4jBindsToThisProvider() {
        Logger log = LoggerFactory.getLogger("orders");
        assertInstanceOf(KestraSlf4jLogger.class, log);
        assertSame(log, LoggerFactory.getLogger("orders"));
        assertEquals("orders", log.getName());
        assertEquals(LoggerFactory.getLogger(KestraSlf4jLoggerTest.class).getName(), KestraSlf4jLoggerTest.class.getName());
    }

    @Test
    void aLibraryLoggingThroughSlf4jWritesKestraLines() {
        // jcl-over-slf4j: commons-logging's API, implemented by calls to SLF4J
        Log library = LogFactory.getLog("org.example.library");
        library.info("connected");
        library.debug("handshake done");
        library.warn(42);
        IOException e = new IOException("reset");
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement("Client", "read", "Client.java", 7)});
        library.error("read failed", e);
        assertEquals(List.of(line("INFO", "[org.example.library] connected"), line("DEBUG", "[org.example.library] handshake done"),
                line("WARN", "[org.example.library] 42"),
                line("ERROR", "[org.example.library] read failed\\njava.io.IOException: reset\\n\\tat Client.read(Client.java:7)")), sink.lines());
    }

    @Test
    void eachLevelAndSlf4jFormatting() {
        Logger log = LoggerFactory.getLogger("orders");
        log.trace("t {}", 1);
        log.debug("d {} {}", 1, 2);
        log.info("rows: {}", 42);
        log.warn("{} of {} in {}", 1, 2, "a.csv");
        log.error("escaped \\{} and {}", "x");
        IOException e = new IOException("disk full");
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement("Load", "run", "Load.java", 12)});
        log.error("load of {} failed", "a.csv", e);
        assertEquals(List.of(line("TRACE", "[orders] t 1"), line("DEBUG", "[orders] d 1 2"), line("INFO", "[orders] rows: 42"),
                line("WARN", "[orders] 1 of 2 in a.csv"), line("ERROR", "[orders] escaped {} and x"),
                line("ERROR", "[orders] load of a.csv failed\\njava.io.IOException: disk full\\n\\tat Load.run(Load.java:12)")), sink.lines());
    }

    @Test
    void twoThrowablesOneFillsThePlaceholderTheLastIsTheStackTrace() {
        IOException first = new IOException("first");
        IOException last = new IOException("last");
        last.setStackTrace(new StackTraceElement[0]);
        LoggerFactory.getLogger("x").warn("after {}", first, last);
        assertEquals(List.of(line("WARN", "[x] after java.io.IOException: first\\njava.io.IOException: last")), sink.lines());
    }

    @Test
    void theMdcFollowsTheMessageAMarkerIsNotWritten() {
        Logger log = LoggerFactory.getLogger("orders");
        MDC.put("file", "a.csv");
        MDC.put("attempt", "2");
        log.info("loaded");
        MDC.clear();
        log.info(MarkerFactory.getMarker("AUDIT"), "marked {}", 1);
        assertEquals(List.of(line("INFO", "[orders] loaded {attempt=2, file=a.csv}"), line("INFO", "[orders] marked 1")), sink.lines());
    }

    @Test
    void theFluentApiWritesKeyValuesBeforeTheMessage() {
        LoggerFactory.getLogger("orders").atInfo().addKeyValue("rows", 42).setMessage("loaded {}").addArgument("a.csv").log();
        assertEquals(List.of(line("INFO", "[orders] rows=42 loaded a.csv")), sink.lines());
    }

    @Test
    void kestrasThresholdDecidesWhatIsEnabled() {
        Logger log = LoggerFactory.getLogger("orders");
        assertTrue(log.isTraceEnabled());
        Kestra.logger().setThreshold(LogLevel.WARN);
        assertFalse(log.isTraceEnabled());
        assertFalse(log.isDebugEnabled());
        assertFalse(log.isInfoEnabled());
        assertTrue(log.isWarnEnabled());
        assertTrue(log.isErrorEnabled());
        assertFalse(log.isEnabledForLevel(Level.INFO));
        log.info("dropped");
        log.atDebug().log("dropped too");
        log.info(MarkerFactory.getMarker("AUDIT"), "dropped as well");
        log.warn("kept");
        assertEquals(List.of(line("WARN", "[orders] kept")), sink.lines());
    }

    @Test
    void levelsKeepTheirNames() {
        for (Level level : Level.values()) {
            assertEquals(level.name(), KestraSlf4jLogger.levelOf(level).name());
        }
    }
}
