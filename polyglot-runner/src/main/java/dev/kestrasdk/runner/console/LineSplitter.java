package dev.kestrasdk.runner.console;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A guest's stdout or stderr: cuts the bytes into lines as Kestra's process task runner reads them
 * ({@code BufferedReader.readLine}: a line ends at {@code \n}, {@code \r} or {@code \r\n}, the terminator is
 * not part of it, and a last line without one still counts) and hands each line, decoded as UTF-8, to a consumer.
 * Decoding whole lines (never chunks) keeps multi-byte characters intact however the guest splits its writes.
 *
 * <p>Methods are synchronized on this stream, the same lock {@link dev.kestrasdk.sink.StreamSink} takes, so a
 * protocol line written by the bridge never lands inside a line the guest is printing.
 */
public final class LineSplitter extends OutputStream {
    private final Consumer<String> lines;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(256);
    private boolean afterCarriageReturn; // a \n right after a \r ends no second line

    public LineSplitter(Consumer<String> lines) {
        this.lines = lines;
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
                if (b == '\n' && afterCarriageReturn && i == start && pending.size() == 0) {
                    afterCarriageReturn = false;
                    start = i + 1; // the \n of a \r\n split across two writes
                    continue;
                }
                pending.write(bytes, start, i - start);
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
            }
        }
        pending.write(bytes, start, end - start);
    }

    /** Hands over an unterminated last line, if any. */
    public synchronized void finish() {
        if (pending.size() > 0) {
            emit();
        }
    }

    private void emit() {
        byte[] bytes = pending.toByteArray();
        pending.reset();
        lines.accept(new String(bytes, StandardCharsets.UTF_8));
    }
}
