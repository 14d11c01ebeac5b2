package dev.kestrasdk.internal.wire;

/**
 * Canonical JSON string text: ASCII only. Printable ASCII (0x20-0x7E) is written as is except {@code "}
 * and {@code \}; the seven short escapes are used where JSON has one; every other character is a
 * lower-case {@code \}{@code uXXXX} escape (characters beyond the BMP as their UTF-16 surrogate pair).
 * A lone surrogate is not Unicode text: {@link #firstLoneSurrogate} finds it so the caller can refuse it.
 */
final class JsonText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    static void writeString(AsciiBuffer out, String s, int from, int to) {
        out.append('"');
        int run = from; // start of a run of characters that need no escaping
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                continue;
            }
            if (run < i) {
                out.appendAscii(s, run, i);
            }
            run = i + 1;
            switch (c) {
                case '"' -> out.appendAscii("\\\"");
                case '\\' -> out.appendAscii("\\\\");
                case '\b' -> out.appendAscii("\\b");
                case '\f' -> out.appendAscii("\\f");
                case '\n' -> out.appendAscii("\\n");
                case '\r' -> out.appendAscii("\\r");
                case '\t' -> out.appendAscii("\\t");
                default -> {
                    out.append('\\');
                    out.append('u');
                    out.append(HEX[(c >> 12) & 0xf]);
                    out.append(HEX[(c >> 8) & 0xf]);
                    out.append(HEX[(c >> 4) & 0xf]);
                    out.append(HEX[c & 0xf]);
                }
            }
        }
        if (run < to) {
            out.appendAscii(s, run, to);
        }
        out.append('"');
    }

    /** Index of the first unpaired surrogate in {@code s}, or -1. */
    static int firstLoneSurrogate(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
