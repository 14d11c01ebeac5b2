package dev.kestrasdk.internal.wire;

import dev.kestrasdk.sink.EncodedLine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer holding one line being encoded. The canonical encoding is ASCII-only, so a
 * char is a byte and the line never needs a charset encoder. One buffer is reused per thread; a buffer
 * that grew for a huge line shrinks back after it so memory does not stay pinned.
 */
public final class AsciiBuffer implements EncodedLine {
    static final int INITIAL = 512;
    static final int KEEP_AT_MOST = 1 << 20;

    private byte[] bytes = new byte[INITIAL];
    private int length;

    @Override
    public int length() {
        return length;
    }

    public void reset() {
        length = 0;
        if (bytes.length > KEEP_AT_MOST) {
            bytes = new byte[INITIAL];
        }
    }

    byte byteAt(int index) {
        return bytes[index];
    }

    /** Truncates back to a mark: used to drop a partly written line when a value turns out to be invalid. */
    void truncate(int mark) {
        length = mark;
    }

    AsciiBuffer append(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** Appends a string known to be ASCII (keys already checked, number text, escapes). */
    @SuppressWarnings("deprecation") // String.getBytes(int,int,byte[],int): exact for ASCII and allocation-free
    AsciiBuffer appendAscii(String s) {
        int n = s.length();
        ensure(n);
        s.getBytes(0, n, bytes, length);
        length += n;
        return this;
    }

    @SuppressWarnings("deprecation")
    void appendAscii(String s, int from, int to) {
        int n = to - from;
        ensure(n);
        s.getBytes(from, to, bytes, length);
        length += n;
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            long wanted = Math.max((long) bytes.length * 2, (long) length + extra);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new OutOfMemoryError("protocol line larger than 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }

    /** Writes bytes {@code [0, length)} followed by a newline with a single {@code write} call. */
    @Override
    public void writeLineTo(OutputStream out) throws IOException {
        ensure(1);
        bytes[length] = '\n';
        out.write(bytes, 0, length + 1);
    }

    /**
     * Copies bytes {@code [0, length)} followed by a newline into {@code dest} at {@code offset}; the caller
     * checks there is room for {@code length() + 1} bytes. Returns the number of bytes copied.
     */
    @Override
    public int copyLineTo(byte[] dest, int offset) {
        System.arraycopy(bytes, 0, dest, offset, length);
        dest[offset + length] = '\n';
        return length + 1;
    }

    @Override
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }
}
