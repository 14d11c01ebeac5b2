package dev.kestrasdk.parse;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a character stream into lines at {@code \n} only, keeping any {@code \r} (Kestra's pattern tolerates
 * one final terminator, so a CRLF line still matches), and with a cap: a line longer than {@code maxChars}
 * is returned cut to the cap with {@link #lastLineTruncated()} set, the rest skipped, so a huge line costs
 * bounded memory. The last line may lack its newline.
 */
public final class LineReader {
    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[8192];
    private int pos;
    private int len;
    private boolean truncated;
    private long skippedChars;

    public LineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its {@code \n}, or {@code null} at the end of the stream. */
    public String readLine() throws IOException {
        StringBuilder sb = null;
        truncated = false;
        skippedChars = 0;
        while (true) {
            if (pos == len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return sb == null ? null : sb.toString();
                }
            }
            int start = pos;
            while (pos < len && buf[pos] != '\n') {
                pos++;
            }
            if (sb == null) {
                sb = new StringBuilder(Math.min(pos - start + 16, maxChars));
            }
            int room = maxChars - sb.length();
            int n = pos - start;
            if (n > room) {
                sb.append(buf, start, room);
                truncated = true;
                skippedChars += n - room;
            } else {
                sb.append(buf, start, n);
            }
            if (pos < len) {
                pos++; // the newline
                return sb.toString();
            }
        }
    }

    /** Whether the line last returned was longer than the cap and was cut. */
    public boolean lastLineTruncated() {
        return truncated;
    }

    /** How many characters of the last line were skipped past the cap. */
    public long lastLineSkippedChars() {
        return skippedChars;
    }
}
