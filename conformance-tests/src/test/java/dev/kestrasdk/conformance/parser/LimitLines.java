package dev.kestrasdk.conformance.parser;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lines at the edges of the limits Kestra's reader enforces (Jackson's StreamReadConstraints as Kestra sets
 * them): too big to keep in the corpus file, so built here, each just inside and just outside the limit.
 */
final class LimitLines {
    private LimitLines() {
    }

    static Map<String, String> all() {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("nesting depth 1000", nested(1000));
        lines.put("nesting depth 1001", nested(1001));
        lines.put("integer of 1000 digits", output("1".repeat(1000)));
        lines.put("integer of 1001 digits", output("1".repeat(1001)));
        lines.put("negative integer of 1000 digits", output("-" + "1".repeat(1000)));
        // a float's length counts its digits, not its '.'
        lines.put("float of 1000 digits", output("1." + "1".repeat(999)));
        lines.put("float of 1001 digits", output("1." + "1".repeat(1000)));
        lines.put("counter string of 1000 digits", metric("counter", "\"" + "1".repeat(1000) + "\""));
        lines.put("counter string of 1001 digits", metric("counter", "\"" + "1".repeat(1001) + "\""));
        lines.put("timer string of 1001 digits", metric("timer", "\"" + "1".repeat(1001) + "\""));
        lines.put("string of 20,000,000 chars", output("\"" + "x".repeat(20_000_000) + "\""));
        lines.put("string of 20,000,001 chars", output("\"" + "x".repeat(20_000_001) + "\""));
        lines.put("escaped string of 20,000,001 chars", output("\"" + "x".repeat(19_999_999) + "\\u00e9\\n\""));
        // Jackson's default maxNameLength is 50,000; Kestra raises it to 20,000,000.
        lines.put("key of 50,001 chars", "::{\"outputs\":{\"" + "k".repeat(50_001) + "\":1}}::");
        lines.put("key of 20,000,000 chars", "::{\"outputs\":{\"" + "k".repeat(20_000_000) + "\":1}}::");
        lines.put("key of 20,000,001 chars", "::{\"outputs\":{\"" + "k".repeat(20_000_001) + "\":1}}::");
        lines.put("tag value of 20,000,001 chars", "::{\"metrics\":[{\"name\":\"c\",\"type\":\"counter\",\"value\":1,\"tags\":{\"t\":\""
                + "x".repeat(20_000_001) + "\"}}]}::");
        lines.put("timer of 1000 digits", metric("timer", "0." + "5".repeat(999)));
        return lines;
    }

    /** A line whose deepest value sits at {@code depth} levels of objects and arrays, the envelope included. */
    static String nested(int depth) {
        int arrays = depth - 2; // the envelope object and the outputs object
        return "::{\"outputs\":{\"a\":" + "[".repeat(arrays) + "]".repeat(arrays) + "}}::";
    }

    private static String metric(String type, String valueText) {
        return "::{\"metrics\":[{\"name\":\"c\",\"type\":\"" + type + "\",\"value\":" + valueText + "}]}::";
    }

    private static String output(String valueText) {
        return "::{\"outputs\":{\"a\":" + valueText + "}}::";
    }
}
