package dev.kestrasdk.runner.console;

import dev.kestrasdk.internal.wire.RecordingSink;
import dev.kestrasdk.parse.LineParser;
import dev.kestrasdk.protocol.Message;
import dev.kestrasdk.sink.EncodedLine;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A script's stdout or stderr: cuts the bytes into lines as Kestra's process task runner reads them
 * ({@code BufferedReader.readLine}: a line ends at {@code \n}, {@code \r} or {@code \r\n}, the terminator is
 * not part of it, and a last line without one still counts) and hands each line, decoded as UTF-8, to a consumer.
 * Decoding whole lines (never chunks) keeps multi-byte characters intact however the script splits its writes.
 *
 * <p>A line longer than {@code maxChars} characters (UTF-16 units, as Java counts a String's length) is handed
 * over cut to its first {@code maxChars} characters, with its full length, and the rest is not kept: a script
 * printing one endless line costs bounded memory. The default is {@link LineParser#DEFAULT_MAX_LINE_CHARS}, the
 * limit {@code kestra-sdk parse} applies too.
 *
 * <p>Methods are synchronized on this stream, the same lock {@link dev.kestrasdk.sink.StreamSink} takes, so a
 * protocol line written by the bridge never lands inside a line the guest is printing. As a {@link RecordingSink} it
 * takes the SDK's encoded lines whole ({@link #accept}), with what Kestra reads from them when the SDK knows it.
 */
public final class LineSplitter extends OutputStream implements RecordingSink {
    /** Receives each line: its text (cut at the limit) and its length before any cut. */
    @FunctionalInterface
    public interface Lines {
        void line(String text, long fullLength);

        /** A whole line the SDK encoded, with what Kestra reads from it: by default handed over as any line. */
        default void encoded(String text, Message readBack) {
            line(text, text.length());
        }
    }

    private final Lines lines;
    private final int maxChars;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(256);
    private boolean afterCarriageReturn; // a \n right after a \r ends no second line
    private long lineChars;              // characters of the current line so far, kept or not
    private boolean overLimit;           // the current line passed maxChars: its remaining bytes are not kept

    public LineSplitter(Consumer<String> lines) {
        this((text, fullLength) -> lines.accept(text), LineParser.DEFAULT_MAX_LINE_CHARS);
    }

    public LineSplitter(Lines lines, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1, was " + maxChars);
        }
        this.lines = lines;
        this.maxChars = maxChars;
    }

    @Override
    public synchronized void write(int b) {
        byte[] one = {(byte) b};
        write(one, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (b == '\n' || b == '\r') {
                if (b == '\n' && afterCarriageReturn && i == start && pending.size() == 0 && lineChars == 0) {
                    afterCarriageReturn = false;
                    start = i + 1; // the \n of a \r\n split across two writes
                    continue;
                }
                keep(bytes, start, i);
                emit();
                afterCarriageReturn = false;
                if (b == '\r') {
                    if (i + 1 < end && bytes[i + 1] == '\n') {
                        i++;
                    } else {
                        afterCarriageReturn = i + 1 == end; // the \n may come in the next write
                    }
                }
                start = i + 1;
            } else {
                afterCarriageReturn = false;
                if ((b & 0xC0) != 0x80) { // a character starts: 4-byte UTF-8 sequences are two UTF-16 units
                    lineChars += (b & 0xF8) == 0xF0 ? 2 : 1;
                    if (lineChars > maxChars && !overLimit) {
                        keep(bytes, start, i);
                        overLimit = true;
                    }
                }
            }
        }
        keep(bytes, start, end);
    }

    /**
     * One line the SDK encoded, then a line end. At the start of a line (nothing of another one written yet) it is
     * handed over as its text, without scanning and decoding its bytes again: an encoded line is ASCII without line
     * breaks, so the bytes would give the same line. Otherwise, or when it is over the limit, its bytes are written.
     */
    @Override
    public synchronized void accept(EncodedLine line) {
        if (!wholeLine(line)) {
            return;
        }
        String text = line.toString();
        lines.line(text, text.length());
    }

    /**
     * As {@link #accept(EncodedLine)}, and when the line is handed over whole, with its reading: what Kestra takes
     * from the same text, so it is not parsed again (a line joined to another one's start is).
     */
    @Override
    public synchronized void accept(EncodedLine line, Message readBack) {
        if (wholeLine(line)) {
            lines.encoded(line.toString(), readBack);
        }
    }

    /** Whether the line starts a line of its own and fits: else its bytes are written now, and {@code false}. */
    private boolean wholeLine(EncodedLine line) {
        if (pending.size() > 0 || lineChars > 0 || line.length() > maxChars) {
            byte[] bytes = new byte[line.length() + 1];
            line.copyLineTo(bytes, 0);
            write(bytes, 0, bytes.length);
            return false;
        }
        afterCarriageReturn = false; // the line's first byte would have ended a \r\n split across writes
        return true;
    }

    /** Hands over an unterminated last line, if any. */
    public synchronized void finish() {
        if (pending.size() > 0 || lineChars > 0) {
            emit();
        }
    }

    private void keep(byte[] bytes, int from, int to) {
        if (!overLimit && to > from) {
            pending.write(bytes, from, to - from);
        }
    }

    private void emit() {
        String text = pending.toString(StandardCharsets.UTF_8);
        long fullLength = overLimit ? Math.max(lineChars, text.length()) : text.length();
        if (text.length() > maxChars) { // malformed bytes decode to more characters than counted
            text = text.substring(0, maxChars);
        }
        pending.reset();
        lineChars = 0;
        overLimit = false;
        lines.line(text, fullLength);
    }
}
