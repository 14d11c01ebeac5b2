package dev.kestrasdk.parse;

import dev.kestrasdk.parse.MessageReader.Rejected;
import dev.kestrasdk.protocol.LogLevel;

import java.util.regex.Pattern;

/**
 * The string-to-scalar coercions of Kestra's Jackson (databind 2.21) that decide values and verdicts: a
 * Double from a string (counter and gauge values) and an enum from a string (log levels).
 */
final class JacksonScalars {
    // jackson-core NumberInput.looksLikeValidNumber: no hex, no 'f'/'d' suffix, no "+Infinity", no '_'.
    private static final Pattern FLOAT = Pattern.compile("[+-]?[0-9]*[.]?[0-9]+([eE][+-]?[0-9]+)?");
    private static final Pattern FLOAT_TRAILING_DOT = Pattern.compile("[+-]?[0-9]+[.]");

    /** Marks a string Jackson reads as "no value". */
    static final Double NO_VALUE = null;

    private JacksonScalars() {
    }

    /**
     * Jackson's DoubleDeserializer on a string, in its order: the special names exactly as written ("NaN",
     * "INF", "Infinity", "-INF", "-Infinity", and from 2.0 {@link KestraVersion#signedInfinityNames()}); an empty or blank string and the text "null" are no value;
     * otherwise the trimmed text must look like a decimal number of at most 1000 characters.
     */
    static Double doubleOfString(String s, String path, KestraVersion version) throws Rejected {
        if (version.signedInfinityNames().contains(s)) {
            return Double.POSITIVE_INFINITY;
        }
        switch (s) {
            case "NaN":
                return Double.NaN;
            case "INF", "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-INF", "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        String t = s.trim();
        if (t.isEmpty() || t.equals("null")) {
            return NO_VALUE;
        }
        if (!(t.length() == 1 ? t.charAt(0) >= '0' && t.charAt(0) <= '9' : FLOAT.matcher(t).matches() || FLOAT_TRAILING_DOT.matcher(t).matches())) {
            throw new Rejected("bad-metric-value", path + " is the string \"" + s + "\", which is not a decimal number");
        }
        if (t.length() > 1000) {
            throw new Rejected("number-too-long", path + " is a numeric string of " + t.length() + " characters; Kestra reads at most 1000");
        }
        return Double.parseDouble(t);
    }

    /**
     * Jackson's EnumDeserializer on a string: the exact name, else the trimmed name, else (text starting
     * with a digit, but not "0" followed by more) an index into slf4j's order ERROR, WARN, INFO, DEBUG, TRACE.
     * Case matters.
     */
    static LogLevel levelOfString(String s) {
        LogLevel level = Kestra13.logLevel(s);
        String t = s.trim();
        if (level == null) {
            level = Kestra13.logLevel(t);
        }
        if (level == null && !t.isEmpty() && t.charAt(0) >= '0' && t.charAt(0) <= '9' && !(t.charAt(0) == '0' && t.length() > 1)) {
            try {
                level = levelOfIndex(Integer.parseInt(t));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return level;
    }

    /** The level at an index in slf4j's order, or {@code null}. */
    static LogLevel levelOfIndex(long index) {
        return Kestra13.logLevelAt(index);
    }
}
