package dev.kestrasdk.parse;

import dev.kestrasdk.parse.MessageReader.Rejected;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * How Kestra 1.3 reads a timer's value (its own DurationDeserializer over jackson-datatype-jsr310's) and a
 * metric's timestamp (jsr310's InstantDeserializer), replayed step by step: their quirks decide both the
 * value Kestra records and whether it rejects the line, and plain {@code Duration} arithmetic differs.
 * Measured against Kestra by conformance-tests' ParserAgreesWithKestraTest.
 */
final class KestraTime {
    private KestraTime() {
    }

    /** A JSON integer: Jackson reads it as a long (a larger one rejects the line), then that many seconds. */
    static Duration durationOfInteger(String text, String path) throws Rejected {
        return Duration.ofSeconds(longValue(text, path));
    }

    /** A JSON float: its exact decimal, split into seconds and nanoseconds as jsr310's DecimalUtils does. */
    static Duration durationOfDecimal(String text, String path) throws Rejected {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(text);
        } catch (NumberFormatException e) { // an exponent beyond an int: Jackson's BigDecimal read fails the same way
            throw new Rejected("bad-metric-value", path + ": " + shortText(text) + " cannot be read as a decimal number of seconds ("
                    + e.getMessage() + ")");
        }
        return secondsAndNanos(seconds, false, path);
    }

    private static String shortText(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /**
     * A string, as Kestra's DurationDeserializer reads it: trimmed; blank is no value ({@code null}); only
     * digits and dots (one leading sign allowed) are seconds, parsed as a double and then split with the
     * sign quirk of DecimalUtils ("-1.5" gives -0.5 s); anything else must be an ISO-8601 duration
     * ("PT1.5S"). So "1e3" is rejected although 1e3 as a number is accepted.
     */
    static Duration durationOfString(String s, String path) throws Rejected {
        String t = s.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (digitsAndDots(t)) {
            double d;
            try {
                d = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new Rejected("bad-metric-value", path + " is the string \"" + s + "\", which is not a number of seconds");
            }
            if (Double.isInfinite(d)) {
                throw new Rejected("bad-metric-value", path + " is the string \"" + s + "\", too large for a number of seconds");
            }
            return secondsAndNanos(BigDecimal.valueOf(d), true, path);
        }
        try {
            return Duration.parse(t);
        } catch (DateTimeException e) {
            throw new Rejected("bad-metric-value", path + " is the string \"" + s + "\", neither seconds nor an ISO-8601 duration");
        }
    }

    /** Kestra's {@code _isFloat}: an optional sign, then at least one character, all digits or dots. */
    private static boolean digitsAndDots(String t) {
        int i = t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0;
        if (i == t.length()) {
            return false;
        }
        for (; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /**
     * jsr310's DecimalUtils.extractSecondsAndNanos, faithfully, wrong answers included: under a nanosecond
     * reads 0; a value with 64 or more trailing zeros reads 0; beyond the long range the seconds wrap
     * around (BigDecimal.longValue); with {@code negativeAdjust} a negative value's nanoseconds lose their sign.
     */
    static Duration secondsAndNanos(BigDecimal seconds, boolean negativeAdjust, String path) throws Rejected {
        long secs;
        int nanos;
        BigDecimal nanoseconds;
        try {
            nanoseconds = seconds.scaleByPowerOfTen(9);
        } catch (ArithmeticException e) { // a scale at the int limit: Jackson's read fails with "Overflow" too
            throw new Rejected("bad-metric-value", path + ": " + seconds + " seconds overflows a Duration");
        }
        if (nanoseconds.precision() - nanoseconds.scale() <= 0 || seconds.scale() < -63) {
            secs = 0;
            nanos = 0;
        } else {
            secs = seconds.longValue();
            nanos = nanoseconds.subtract(BigDecimal.valueOf(secs).scaleByPowerOfTen(9)).intValue();
            if (secs < 0 && secs > Instant.MIN.getEpochSecond() && negativeAdjust) {
                nanos = Math.abs(nanos);
            }
        }
        try {
            return Duration.ofSeconds(secs, nanos);
        } catch (ArithmeticException e) {
            throw new Rejected("bad-metric-value", path + ": " + seconds + " seconds overflows a Duration");
        }
    }

    /** Exact seconds of a Duration. */
    static BigDecimal seconds(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    }

    /**
     * A metric timestamp, as jsr310's InstantDeserializer checks it (Kestra keeps no timestamp from the
     * line, but a bad one rejects the line): epoch seconds as a number or a numeric string, else ISO-8601
     * instant text ({@link DateTimeFormatter#ISO_INSTANT}, offsets allowed, seconds required).
     */
    static void checkInstant(Object node, String path) throws Rejected {
        checkInstant(node, path, false);
    }

    /**
     * As {@link #checkInstant(Object, String)}, for a value Kestra first reads into a JSON tree (an asset's
     * {@code created}): there a float is a double, so one beyond a double's range is Infinity, which jsr310
     * cannot turn into a decimal, and the instant is that of the double, not of the digits written.
     */
    static void checkInstant(Object node, String path, boolean fromTree) throws Rejected {
        try {
            if (node == null) {
                return;
            }
            if (node instanceof JsonTree.Num n) {
                if (n.integral()) {
                    Instant.ofEpochSecond(longValue(n.text(), path));
                } else if (fromTree) {
                    double seconds = Double.parseDouble(n.text());
                    if (Double.isInfinite(seconds)) {
                        throw new Rejected("bad-timestamp", path + ": " + n.text()
                                + " is beyond a 64-bit float; Kestra reads Infinity, which is not an instant");
                    }
                    instantOfDecimal(BigDecimal.valueOf(seconds));
                } else {
                    instantOfDecimal(new BigDecimal(n.text()));
                }
                return;
            }
            if (node instanceof String s) {
                checkInstantText(s.trim(), path);
                return;
            }
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            throw new Rejected("bad-timestamp", path + " is out of the range of an instant");
        }
        throw new Rejected("bad-timestamp", path + " must be an ISO-8601 string or epoch seconds, not " + MessageReader.kind(node));
    }

    private static void checkInstantText(String t, String path) throws Rejected {
        if (t.isEmpty()) {
            return;
        }
        int periods = periods(t);
        try {
            if (periods == 0) {
                Instant.ofEpochSecond(Long.parseLong(t));
                return;
            }
            if (periods == 1) {
                instantOfDecimal(new BigDecimal(t));
                return;
            }
        } catch (NumberFormatException notNumeric) {
            // as in jsr310: fall through to the ISO parser, which then reports the error
        }
        try {
            DateTimeFormatter.ISO_INSTANT.parse(zeroOffsetAsZ(t), Instant::from);
        } catch (DateTimeException e) {
            throw new Rejected("bad-timestamp", path + " \"" + t + "\" is not an ISO-8601 instant (like 2024-01-31T12:00:00Z)");
        }
    }

    /** jsr310 first rewrites a zero offset written "+00", "+0000" or "+00:00" as "Z", which ISO_INSTANT needs for the first two. */
    private static String zeroOffsetAsZ(String t) {
        int plus = t.lastIndexOf('+');
        String offset = plus < 0 ? "" : t.substring(plus + 1);
        return offset.equals("00") || offset.equals("0000") || offset.equals("00:00") ? t.substring(0, plus) + "Z" : t;
    }

    private static void instantOfDecimal(BigDecimal seconds) {
        BigDecimal nanoseconds = seconds.scaleByPowerOfTen(9);
        if (nanoseconds.precision() - nanoseconds.scale() <= 0 || seconds.scale() < -63) {
            return; // reads as the epoch
        }
        long secs = seconds.longValue();
        int nanos = nanoseconds.subtract(BigDecimal.valueOf(secs).scaleByPowerOfTen(9)).intValue();
        Instant.ofEpochSecond(secs, secs < 0 && secs > Instant.MIN.getEpochSecond() ? Math.abs(nanos) : nanos);
    }

    /** jsr310's _countPeriods: the number of dots in a "-digits.digits" string, or -1 if it is not one. */
    private static int periods(String t) {
        int dots = 0;
        for (int i = t.charAt(0) == '-' ? 1 : 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return -1;
            }
        }
        return dots;
    }

    private static long longValue(String text, String path) throws Rejected {
        BigInteger i = new BigInteger(text);
        if (i.bitLength() > 63) {
            throw new Rejected("bad-metric-value", path + ": " + text + " is out of the range Kestra reads (a 64-bit integer)");
        }
        return i.longValue();
    }
}
