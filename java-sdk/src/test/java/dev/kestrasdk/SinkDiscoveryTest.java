package dev.kestrasdk;

import dev.kestrasdk.sink.CollectingSink;
import dev.kestrasdk.sink.LineSink;
import dev.kestrasdk.sink.LineSinkProvider;
import dev.kestrasdk.sink.StdoutSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The facade's default sink comes from providers listed in META-INF/services files, reported as SLF4J reports them. */
class SinkDiscoveryTest {
    static final CollectingSink FIRST_SINK = new CollectingSink();
    static final CollectingSink SECOND_SINK = new CollectingSink();

    public static final class First implements LineSinkProvider {
        @Override
        public LineSink sink() {
            return FIRST_SINK;
        }
    }

    public static final class Second implements LineSinkProvider {
        @Override
        public LineSink sink() {
            return SECOND_SINK;
        }
    }

    /** A provider that declines: the next one decides. */
    public static final class Declining implements LineSinkProvider {
        @Override
        public LineSink sink() {
            return null;
        }
    }

    @TempDir
    Path dir;
    private final List<String> warnings = new ArrayList<>();

    @Test
    void withoutProvidersLinesGoToStandardOutput() throws IOException {
        assertSame(StdoutSink.INSTANCE, SinkDiscovery.discover(loaderListing(), warnings::add));
        assertEquals(List.of(), warnings);
    }

    @Test
    void oneProviderGivesTheSinkQuietly() throws IOException {
        assertSame(FIRST_SINK, SinkDiscovery.discover(loaderListing(First.class), warnings::add));
        assertEquals(List.of(), warnings);
    }

    @Test
    void twoProvidersAreNamedAndTheFirstIsUsed() throws IOException {
        assertSame(SECOND_SINK, SinkDiscovery.discover(loaderListing(Second.class, First.class), warnings::add));
        assertEquals(List.of("multiple LineSinkProvider implementations on the class path"
                + " (dev.kestrasdk.SinkDiscoveryTest$Second, dev.kestrasdk.SinkDiscoveryTest$First);"
                + " using dev.kestrasdk.SinkDiscoveryTest$Second"), warnings);
    }

    @Test
    void aProviderGivingNoSinkLeavesTheChoiceToTheNext() throws IOException {
        assertSame(FIRST_SINK, SinkDiscovery.discover(loaderListing(Declining.class, First.class), warnings::add));
        assertEquals(List.of("multiple LineSinkProvider implementations on the class path"
                + " (dev.kestrasdk.SinkDiscoveryTest$Declining, dev.kestrasdk.SinkDiscoveryTest$First);"
                + " using dev.kestrasdk.SinkDiscoveryTest$First"), warnings);
    }

    @Test
    void providersThatAllDeclineLeaveStandardOutput() throws IOException {
        assertSame(StdoutSink.INSTANCE, SinkDiscovery.discover(loaderListing(Declining.class), warnings::add));
        assertEquals(List.of(), warnings);
    }

    /** A class loader whose class path has one META-INF/services file listing {@code providers}. */
    private ClassLoader loaderListing(Class<?>... providers) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        StringBuilder text = new StringBuilder("# providers for the test\n");
        for (Class<?> p : providers) {
            text.append(p.getName()).append('\n');
        }
        Files.writeString(services.resolve(LineSinkProvider.class.getName()), text);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }
}
