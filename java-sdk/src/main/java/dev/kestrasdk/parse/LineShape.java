package dev.kestrasdk.parse;

/**
 * The outer shape Kestra requires, {@code ^::(\{.*})::$} applied with Java's {@code Matcher.find()}:
 * {@code ::} at the very start, {@code }::} at the very end (Java's {@code $} also matches before one final
 * line terminator, so a CRLF line still counts), and no line terminator in between ({@code .} does not
 * match \n, \r, U+0085, U+2028 or U+2029). Ordinary lines are rejected after looking at two characters.
 */
final class LineShape {
    private LineShape() {
    }

    private static final char[] TERMINATORS = {'\n', '\r', '\u0085', '\u2028', '\u2029'};

    static boolean isTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** Length of the line without the one final terminator Java's {@code $} tolerates. */
    static int contentEnd(String line) {
        int n = line.length();
        if (n >= 2 && line.charAt(n - 2) == '\r' && line.charAt(n - 1) == '\n') {
            return n - 2;
        }
        if (n >= 1 && isTerminator(line.charAt(n - 1))) {
            return n - 1;
        }
        return n;
    }

    /** True when Kestra's pattern matches; the payload is then {@code line.substring(2, contentEnd - 2)}. */
    static boolean matches(String line, int end) {
        return hasMarkers(line, end) && noTerminatorInside(line, end);
    }

    /** True when the line starts with {@code ::{} and ends with <code>}::</code>: the first half of {@link #matches}. */
    static boolean hasMarkers(String line, int end) {
        return end >= 6 && line.charAt(0) == ':' && line.charAt(1) == ':' && line.charAt(2) == '{'
                && line.charAt(end - 1) == ':' && line.charAt(end - 2) == ':' && line.charAt(end - 3) == '}';
    }

    /** True when no line terminator is between the markers: the second half of {@link #matches}. */
    static boolean noTerminatorInside(String line, int end) {
        for (char terminator : TERMINATORS) { // one vectorized search each, instead of a loop over the characters
            int at = line.indexOf(terminator, 3);
            if (at >= 0 && at < end - 3) {
                return false;
            }
        }
        return true;
    }

    /**
     * For a line Kestra does not match: a diagnostic when it looks like an attempt at a protocol line,
     * else {@code null} (an ordinary log line).
     */
    static Diagnostic nearMiss(String line, int end) {
        int open = line.indexOf("::{");
        int close = line.indexOf("}::") < 0 ? -1 : line.lastIndexOf("}::"); // the forward search is the vectorized one
        if (open < 0 && close < 0) {
            return barePayload(line, end);
        }
        if (open < 0) {
            return Diagnostic.error("missing-opening", "ends with '}::' but does not start with '::{': Kestra reads an ordinary log line");
        }
        int payloadEnd = close > open ? close : end; // a terminator after the closing "}::" is trailing text
        for (int i = open + 3; i < payloadEnd; i++) {
            char c = line.charAt(i);
            if (isTerminator(c)) {
                return Diagnostic.error("line-break-in-payload", String.format(
                        "raw line terminator U+%04X at column %d: Kestra's pattern stops there and the line is an ordinary log line; escape it as \\u%04x",
                        (int) c, i + 1, (int) c));
            }
        }
        if (open > 0) {
            String before = line.substring(0, open);
            return Diagnostic.error("leading-text", (before.isBlank() ? "whitespace" : "text " + preview(before))
                    + " before '::{' at column " + (open + 1) + ": the line must start with '::', so Kestra reads an ordinary log line");
        }
        if (close < 0 || close + 3 > end) {
            return Diagnostic.error("missing-closing", "starts with '::{' but does not end with '}::': Kestra reads an ordinary log line");
        }
        String after = line.substring(close + 3, end);
        return Diagnostic.error("trailing-text", (after.isBlank() ? "whitespace " : "text ") + preview(after)
                + " after the closing '::' at column " + (close + 4) + ": the line must end with '::', so Kestra reads an ordinary log line");
    }

    /**
     * The near miss of a line without {@code ::{} and <code>}::</code> (so also of one without "::" at all): a
     * payload printed without its markers, else {@code null}. Most lines are decided by their first character.
     */
    static Diagnostic barePayload(String line, int end) {
        return looksLikeBarePayload(line, end)
                ? Diagnostic.error("missing-markers", "a JSON payload without the '::' markers around it: Kestra reads an ordinary log line; write ::{...}::")
                : null;
    }

    /** A line like {"outputs":...} printed without the markers (the seed page's own shell example does this). */
    private static boolean looksLikeBarePayload(String line, int end) {
        int first = 0;
        while (first < end && Character.isWhitespace(line.charAt(first))) {
            first++;
        }
        if (first == end || line.charAt(first) != '{') {
            return false; // checked first: most lines with a brace do not start with one
        }
        int last = end - 1;
        while (Character.isWhitespace(line.charAt(last))) {
            last--;
        }
        if (last == first || line.charAt(last) != '}') {
            return false;
        }
        int head = first + 1;
        while (head < last && Character.isWhitespace(line.charAt(head))) {
            head++;
        }
        return line.startsWith("\"outputs\"", head) || line.startsWith("\"metrics\"", head) || line.startsWith("\"logs\"", head)
                || line.startsWith("\"assets\"", head);
    }

    private static String preview(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length() && i < 20; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(s.length() > 20 ? "...\"" : "\"").toString();
    }
}
