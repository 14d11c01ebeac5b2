package dev.kestrasdk.sink;

/**
 * Plugs a default sink into the {@code Kestra} facade without code changes, the way SLF4J finds its
 * provider: the first implementation listed in {@code META-INF/services/dev.kestrasdk.sink.LineSinkProvider}
 * on the class path is used; with none, lines go to standard output.
 */
public interface LineSinkProvider {
    LineSink sink();
}
