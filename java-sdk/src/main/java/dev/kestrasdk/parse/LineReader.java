package dev.kestrasdk.parse;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a character stream into lines as Kestra's process task runner reads a script's output
 * ({@code BufferedReader.readLine}: a line ends at {@code \n}, {@code \r} or {@code \r\n}, the terminator is
 * not part of it; the last line may lack one), with a cap: a line longer than {@code maxChars} is returned
 * cut to the cap with {@link #lastLineTruncated()} set and the rest skipped, so a huge line costs bounded memory.
 */
public final class LineReader {
    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[8192];
    private int pos;
    private int len;
    private boolean truncated;
    private boolean skipNewline; // the previous line ended with \r: a \n right after it ends nothing
    private long skippedChars;

    /**
     * A reader of {@code in} with a cap on the length of a line.
     *
     * <pre>{@code
     * LineReader reader = new LineReader(Files.newBufferedReader(log), 1 << 20);
     * }</pre>
     *
     * @param in       the characters
     * @param maxChars the longest line kept whole
     */
    public LineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /**
     * The next line.
     *
     * <pre>{@code
     * for (String line; (line = reader.readLine()) != null; ) {
     *     collector.accept(line);
     * }
     * }</pre>
     *
     * @return the line without its terminator, cut at the cap; {@code null} at the end of the stream
     * @throws IOException when reading fails
     */
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
            if (skipNewline) {
                skipNewline = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int start = pos;
            while (pos < len && buf[pos] != '\n' && buf[pos] != '\r') {
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
                skipNewline = buf[pos] == '\r';
                pos++; // the terminator
                return sb.toString();
            }
        }
    }

    /**
     * Whether the line last returned was longer than the cap and was cut.
     *
     * <pre>{@code
     * if (reader.lastLineTruncated()) { ... }
     * }</pre>
     *
     * @return true when it was cut
     */
    public boolean lastLineTruncated() {
        return truncated;
    }

    /**
     * How many characters of the last line were skipped past the cap.
     *
     * <pre>{@code
     * long lost = reader.lastLineSkippedChars();
     * }</pre>
     *
     * @return 0 when the line was not cut
     */
    public long lastLineSkippedChars() {
        return skippedChars;
    }
}
