package dev.kestrasdk.cli;

/**
 * Text from a script made safe to print on a terminal: characters that move the cursor, change what the terminal
 * shows or reorder the text are written as visible escapes, so a script cannot hide, overwrite or fake what the
 * runner prints (docs/runner.md, "The summary").
 */
final class TerminalText {
    /** The runner's summary starts with the only line that may begin with this (see {@link #scriptLine}). */
    static final String SUMMARY_MARKER = "==";

    private TerminalText() {
    }

    /**
     * {@code text} with C0 controls but the tab, DEL and C1 controls written as {@code \xHH}, and the line and
     * paragraph separators, bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
     * U+2028 to U+202E, U+2066 to U+2069) as {@code \\uHHHH}.
     */
    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = escape(c);
            if (escaped != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(escaped != null ? escaped : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * One console line of the script, as echoed: escaped, and a line that begins with the summary's marker gets a
     * backslash before it, so no script line can pass for the start of the runner's summary.
     */
    static String scriptLine(String line) {
        String escaped = escape(line);
        return escaped.startsWith(SUMMARY_MARKER) ? "\\" + escaped : escaped;
    }

    private static String escape(char c) {
        if ((c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F)) {
            return String.format("\\x%02x", (int) c);
        }
        if (c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}
