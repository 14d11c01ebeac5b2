package dev.kestrasdk.runner.console;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A guest's stdout or stderr: cuts the bytes into lines at {@code \n} and hands each complete line, decoded as
 * UTF-8, to a consumer. Decoding whole lines (never chunks) keeps multi-byte characters intact however the
 * guest splits its writes. A trailing {@code \r} is dropped, as Kestra's reader ignores it.
 *
 * <p>Methods are synchronized on this stream, the same lock {@link dev.kestrasdk.sink.StreamSink} takes, so a
 * protocol line written by the bridge never lands inside a line the guest is printing.
 */
public final class LineSplitter extends OutputStream {
    private final Consumer<String> lines;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(256);

    public LineSplitter(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            pending.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == '\n') {
                pending.write(bytes, start, i - start);
                emit();
                start = i + 1;
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
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        lines.accept(new String(bytes, 0, length, StandardCharsets.UTF_8));
    }
}
