package dev.kestrasdk.sink;

/**
 * Where complete protocol lines go. The SDK calls {@link #accept} once per line, only after the whole line
 * was encoded successfully, so a sink never sees a partial line. Implementations must be thread-safe and
 * write each line atomically (one line is never interleaved with another).
 */
@FunctionalInterface
public interface LineSink {
    /**
     * Takes one line: ASCII bytes without the line terminator. The buffer is reused after the call returns:
     * copy what must outlive it ({@link EncodedLine#toString()}, {@link EncodedLine#toByteArray()}).
     *
     * <pre>{@code
     * LineSink printer = line -> System.out.println(line);
     * new Emitter(printer).counter("rows", 42, null);
     * }</pre>
     *
     * @param line the complete line
     */
    void accept(EncodedLine line);
}
