package dev.kestrasdk.emit;

import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.sink.CollectingSink;
import dev.kestrasdk.wire.WireFormatException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The logger follows SLF4J's conventions; each case is checked on the exact line printed. */
class KestraLoggerTest {
    private final CollectingSink sink = new CollectingSink();
    private final KestraLogger log = new Emitter(sink, warning -> { }).logger();

    private static String line(String level, String message) {
        return "::{\"logs\":[{\"level\":\"" + level + "\",\"message\":\"" + message + "\"}]}::";
    }

    @Test
    void oneArgumentOfAnyTypeIsOneEntry() {
        log.info("rows: {}", "42");
        log.info("rows: {}", 42);
        log.info("ratio {} of {}, ok={}", 0.5, 7L, true);
        log.info("no placeholder");
        assertEquals(List.of(line("INFO", "rows: 42"), line("INFO", "rows: 42"), line("INFO", "ratio 0.5 of 7, ok=true"),
                line("INFO", "no placeholder")), sink.lines());
    }

    @Test
    void fewerArgumentsLeaveThePlaceholderMoreAreDropped() {
        log.info("{} and {}", "a");
        log.info("{}", "a", "b", "c");
        log.info("{}");
        log.info("{}", (Object) null);
        assertEquals(List.of(line("INFO", "a and {}"), line("INFO", "a"), line("INFO", "{}"), line("INFO", "null")), sink.lines());
    }

    @Test
    void aBackslashEscapesThePlaceholderTwoPrintOne() {
        log.info("set \\{} is {}", "empty");
        log.info("path C:\\\\{}", "dir");
        assertEquals(List.of(line("INFO", "set {} is empty"), line("INFO", "path C:\\\\dir")), sink.lines());
        // the second message is `path C:\dir`: one backslash, JSON-escaped on the line
        assertEquals("path C:\\dir", LogMessage.format("path C:\\\\{}", "dir"));
    }

    @Test
    void arraysPrintTheirElements() {
        log.info("ids {} names {}", new int[] {1, 2}, new String[] {"a", "b"});
        log.info("nested {}", (Object) new Object[] {1, new long[] {2, 3}, new Object[] {"x"}, null});
        log.info("chars {} bytes {} flags {}", new char[] {'a'}, new byte[] {-1}, new boolean[] {true});
        Object[] self = new Object[1];
        self[0] = self;
        log.info("self {}", (Object) self);
        assertEquals(List.of(line("INFO", "ids [1, 2] names [a, b]"), line("INFO", "nested [1, [2, 3], [x], null]"),
                line("INFO", "chars [a] bytes [-1] flags [true]"), line("INFO", "self [[...]]")), sink.lines());
    }

    @Test
    void aLastThrowableIsPrintedWithItsStackTrace() {
        IOException e = new IOException("disk full");
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement("Load", "run", "Load.java", 12)});
        log.error("load of {} failed", "a.csv", e);
        log.warn("failed", e);
        log.error("{} stays a placeholder", e);
        String trace = "\\njava.io.IOException: disk full\\n\\tat Load.run(Load.java:12)";
        assertEquals(List.of(line("ERROR", "load of a.csv failed" + trace), line("WARN", "failed" + trace),
                line("ERROR", "{} stays a placeholder" + trace)), sink.lines());
    }

    @Test
    void aThrowableWithACauseShowsBoth() {
        IOException cause = new IOException("root");
        cause.setStackTrace(new StackTraceElement[] {new StackTraceElement("A", "a", "A.java", 1)});
        IllegalStateException e = new IllegalStateException("outer", cause);
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement("B", "b", "B.java", 2)});
        assertEquals("x\njava.lang.IllegalStateException: outer\n\tat B.b(B.java:2)\nCaused by: java.io.IOException: root\n\tat A.a(A.java:1)",
                LogMessage.format("x", e));
    }

    @Test
    void aFailingToStringDoesNotLoseTheEntry() {
        Object bad = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        log.info("value {}", bad);
        assertEquals(List.of(line("INFO", "value [FAILED toString()]")), sink.lines());
    }

    @Test
    void eachLevelHasItsWireName() {
        log.trace("t");
        log.debug("d");
        log.info("i");
        log.warn("w");
        log.error("e");
        log.log(LogLevel.WARN, "disk {}% full", 93);
        assertEquals(List.of(line("TRACE", "t"), line("DEBUG", "d"), line("INFO", "i"), line("WARN", "w"), line("ERROR", "e"),
                line("WARN", "disk 93% full")), sink.lines());
    }

    @Test
    void theThresholdSilencesLowerLevels() {
        assertEquals(LogLevel.TRACE, log.threshold());
        assertTrue(log.isTraceEnabled());
        log.setThreshold(LogLevel.WARN);
        assertFalse(log.isTraceEnabled());
        assertFalse(log.isDebugEnabled());
        assertFalse(log.isInfoEnabled());
        assertTrue(log.isWarnEnabled());
        assertTrue(log.isErrorEnabled());
        log.trace("t");
        log.debug("d");
        log.info("i");
        log.warn("w");
        log.error("e");
        assertEquals(List.of(line("WARN", "w"), line("ERROR", "e")), sink.lines());
        log.setThreshold(LogLevel.ERROR);
        assertFalse(log.isWarnEnabled());
        assertTrue(log.isErrorEnabled());
        assertThrows(NullPointerException.class, () -> log.setThreshold(null));
    }

    @Test
    void aNullLevelIsRefusedByName() {
        WireFormatException e = assertThrows(WireFormatException.class, () -> log.log(null, "x"));
        assertEquals("level: log level is required (TRACE, DEBUG, INFO, WARN or ERROR)", e.getMessage());
        assertEquals(List.of(), sink.lines());
    }

    @Test
    void aNullFormatReadsAsNull() {
        log.info(null);
        log.info(null, "x");
        assertEquals(List.of(line("INFO", "null"), line("INFO", "null")), sink.lines());
    }
}
