package dev.kestrasdk.sink;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One complete protocol line as a {@link LineSink} receives it: ASCII bytes, without the line terminator.
 * The SDK reuses the object after {@link LineSink#accept} returns, so a sink copies what must outlive the
 * call ({@link #toString()}, {@link #toByteArray()}).
 */
public interface EncodedLine {
    /**
     * The line's length.
     *
     * <pre>{@code
     * LineSink sizes = line -> System.err.println(line.length() + " bytes");
     * }</pre>
     *
     * @return the number of bytes (ASCII characters) in the line, without the terminator
     */
    int length();

    /**
     * Writes the line followed by {@code \n} with a single {@code write} call, so that a stream shared by
     * several threads never gets one line split by another.
     *
     * <pre>{@code
     * LineSink toFile = line -> {
     *     try {
     *         line.writeLineTo(out);
     *     } catch (IOException e) {
     *         throw new UncheckedIOException(e);
     *     }
     * };
     * }</pre>
     *
     * @param out where to write
     * @throws IOException when {@code out} fails
     */
    void writeLineTo(OutputStream out) throws IOException;

    /**
     * Copies the line followed by {@code \n} into {@code dest}; the caller checks there is room for
     * {@code length() + 1} bytes.
     *
     * <pre>{@code
     * int next = line.copyLineTo(buffer, position);
     * }</pre>
     *
     * @param dest   the array to copy into
     * @param offset where in {@code dest} the line starts
     * @return the number of bytes copied, {@code length() + 1}
     */
    int copyLineTo(byte[] dest, int offset);

    /**
     * A copy of the line's bytes.
     *
     * <pre>{@code
     * byte[] bytes = line.toByteArray();
     * }</pre>
     *
     * @return the line as ASCII bytes, without the terminator
     */
    byte[] toByteArray();

    /**
     * The line as text.
     *
     * <pre>{@code
     * String text = line.toString(); // ::{"outputs":{"rows":42}}::
     * }</pre>
     *
     * @return the line, without the terminator
     */
    @Override
    String toString();
}
