package dev.kestrasdk.emit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Composes a log entry's text with SLF4J's conventions, so that a format written for SLF4J reads the same here:
 * each {@code {}} takes the next argument; {@code \{}} is a literal {@code {}} and {@code \\{}} a backslash
 * followed by an argument; placeholders without an argument stay as {@code {}}, arguments without a
 * placeholder are dropped; arrays print their elements ({@code [1, 2]}, nested arrays too). A last argument
 * that is a {@link Throwable} is never a placeholder's argument: its stack trace follows the message on the
 * next lines, as SLF4J's back ends print it.
 */
public final class LogMessage {
    private static final String PLACEHOLDER = "{}";

    private LogMessage() {
    }

    /**
     * The text of one entry.
     *
     * <pre>{@code
     * LogMessage.format("rows: {} of {}", 42, 50);          // "rows: 42 of 50"
     * LogMessage.format("ids: {}", (Object) new int[] {1, 2}); // "ids: [1, 2]"
     * LogMessage.format("failed {}", "load", exception);    // "failed load\njava.io.IOException: ...\n\tat ..."
     * }</pre>
     *
     * @param format the message, with {@code {}} placeholders; {@code null} reads as {@code "null"}
     * @param args   the placeholders' values, then optionally a {@link Throwable}; {@code null} for none
     * @return the message with the arguments in place, then the throwable's stack trace if there is one
     */
    public static String format(String format, Object... args) {
        Throwable thrown = null;
        int count = args == null ? 0 : args.length;
        if (count > 0 && args[count - 1] instanceof Throwable t) {
            thrown = t;
            count--;
        }
        return withStackTrace(substitute(format == null ? "null" : format, args, count), thrown);
    }

    /**
     * The text of one entry whose throwable is already apart from the arguments, as SLF4J's
     * {@code AbstractLogger} hands them over: every argument may fill a placeholder, a {@link Throwable} too.
     *
     * <pre>{@code
     * LogMessage.format("{} then {}", new Object[] {first, second}, null); // both exceptions' toString()
     * }</pre>
     *
     * @param format the message, with {@code {}} placeholders; {@code null} reads as {@code "null"}
     * @param args   the placeholders' values; {@code null} for none
     * @param thrown printed after the message with its stack trace; {@code null} for none
     * @return the message with the arguments in place, then the stack trace if there is one
     */
    public static String format(String format, Object[] args, Throwable thrown) {
        return withStackTrace(substitute(format == null ? "null" : format, args, args == null ? 0 : args.length), thrown);
    }

    /**
     * A message followed by a throwable's stack trace (its causes and suppressed exceptions too), without the
     * trailing line break {@link Throwable#printStackTrace()} writes.
     *
     * <pre>{@code
     * LogMessage.withStackTrace("load failed", new IOException("disk full"));
     * // "load failed\njava.io.IOException: disk full\n\tat ..."
     * }</pre>
     *
     * @param message the text before the stack trace
     * @param thrown  the throwable; {@code null} for none, and then the message is returned as it is
     * @return the message, a line break and the stack trace
     */
    public static String withStackTrace(String message, Throwable thrown) {
        if (thrown == null) {
            return message;
        }
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        String text = trace.toString().replace(System.lineSeparator(), "\n");
        return message + "\n" + text.stripTrailing();
    }

    /**
     * A message with the name of the logger that wrote it in front, as the SLF4J and JUL bridges write entries:
     * a Kestra log entry has no field for it.
     *
     * <pre>{@code
     * LogMessage.named("com.zaxxer.hikari.HikariDataSource", "Start completed."); // "[com.zaxxer.hikari.HikariDataSource] Start completed."
     * }</pre>
     *
     * @param loggerName the logger's name; {@code null} or empty for none, and then the message stands alone
     * @param message    the message
     * @return {@code [loggerName] message}
     */
    public static String named(String loggerName, String message) {
        return loggerName == null || loggerName.isEmpty() ? message : "[" + loggerName + "] " + message;
    }

    private static String substitute(String format, Object[] args, int count) {
        StringBuilder out = new StringBuilder(format.length() + 16 * count);
        int from = 0;
        int next = 0;
        while (next < count) {
            int at = format.indexOf(PLACEHOLDER, from);
            if (at < 0) {
                break;
            }
            boolean escaped = at > 0 && format.charAt(at - 1) == '\\';
            boolean escapedBackslash = escaped && at > 1 && format.charAt(at - 2) == '\\';
            if (escaped && !escapedBackslash) {
                // \{} is a literal {}: drop the backslash, keep the braces, the argument waits for the next one
                out.append(format, from, at - 1).append(PLACEHOLDER);
            } else {
                // \\{} is one literal backslash, then a placeholder
                out.append(format, from, escapedBackslash ? at - 1 : at);
                render(out, args[next++], new IdentityHashMap<>());
            }
            from = at + PLACEHOLDER.length();
        }
        return out.append(format, from, format.length()).toString();
    }

    private static void render(StringBuilder out, Object value, Map<Object, Object> seen) {
        if (value == null || !value.getClass().isArray()) {
            out.append(safeToString(value));
        } else if (value instanceof Object[] array) {
            if (seen.put(array, array) != null) {
                out.append("[...]"); // an array that contains itself
                return;
            }
            out.append('[');
            for (int i = 0; i < array.length; i++) {
                if (i > 0) {
                    out.append(", ");
                }
                render(out, array[i], seen);
            }
            out.append(']');
            seen.remove(array);
        } else if (value instanceof int[] a) {
            out.append(Arrays.toString(a));
        } else if (value instanceof long[] a) {
            out.append(Arrays.toString(a));
        } else if (value instanceof double[] a) {
            out.append(Arrays.toString(a));
        } else if (value instanceof float[] a) {
            out.append(Arrays.toString(a));
        } else if (value instanceof boolean[] a) {
            out.append(Arrays.toString(a));
        } else if (value instanceof byte[] a) {
            out.append(Arrays.toString(a));
        } else if (value instanceof short[] a) {
            out.append(Arrays.toString(a));
        } else {
            out.append(Arrays.toString((char[]) value));
        }
    }

    /** A failing {@code toString()} must not lose the log entry, nor the script: SLF4J prints this marker instead. */
    private static String safeToString(Object value) {
        try {
            return String.valueOf(value);
        } catch (RuntimeException e) {
            return "[FAILED toString()]";
        }
    }
}
