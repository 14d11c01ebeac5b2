package dev.kestrasdk;

import dev.kestrasdk.sink.LineSink;
import dev.kestrasdk.sink.LineSinkProvider;
import dev.kestrasdk.sink.StdoutSink;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Finds the facade's default sink as SLF4J finds its provider: the {@link LineSinkProvider}s listed in
 * {@code META-INF/services} files, in class-path order; the first one that gives a sink wins, and when there
 * are several, a warning names them all and the one used, because which one comes first depends on the
 * order of the class path.
 */
final class SinkDiscovery {
    private SinkDiscovery() {
    }

    static LineSink discover(ClassLoader loader, Consumer<String> warnings) {
        List<LineSinkProvider> providers = new ArrayList<>();
        ServiceLoader.load(LineSinkProvider.class, loader).forEach(providers::add);
        for (LineSinkProvider provider : providers) {
            LineSink sink = provider.sink();
            if (sink != null) {
                if (providers.size() > 1) {
                    warnings.accept("multiple LineSinkProvider implementations on the class path ("
                            + String.join(", ", providers.stream().map(p -> p.getClass().getName()).toList())
                            + "); using " + provider.getClass().getName());
                }
                return sink;
            }
        }
        return StdoutSink.INSTANCE;
    }
}
