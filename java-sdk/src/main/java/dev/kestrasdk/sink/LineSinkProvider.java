package dev.kestrasdk.sink;

/**
 * Plugs a default sink into the {@code Kestra} facade without code changes, the way SLF4J finds its
 * provider: implementations listed in {@code META-INF/services/dev.kestrasdk.sink.LineSinkProvider} files on
 * the class path are tried in class-path order and the first sink given is used; with several providers, a
 * warning on standard error names them and the one used; with none, lines go to standard output.
 */
public interface LineSinkProvider {
    /**
     * The sink for the facade, asked once, when the facade is first used.
     *
     * <pre>{@code
     * public final class FileSinkProvider implements LineSinkProvider {
     *     public LineSink sink() {
     *         return new StreamSink(System.err);
     *     }
     * }
     * // listed in META-INF/services/dev.kestrasdk.sink.LineSinkProvider
     * }</pre>
     *
     * @return the sink, or {@code null} to let the next provider (or standard output) decide
     */
    LineSink sink();
}
