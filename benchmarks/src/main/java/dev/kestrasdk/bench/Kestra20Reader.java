package dev.kestrasdk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Kestra 2.0's reading of a line, as {@link KestraReader} is 1.3's: its {@code TaskLogLineMatcher}'s pattern
 * ({@code matches}) and its Jackson mapper reading the payload into its {@code TaskLogMatch} (without the
 * RunContext side effects that follow). io.kestra:core 2.0 and 1.3 cannot share a class path, so 2.0 is loaded
 * from the jars benchmarks/kestra20 gathers, in a class loader of its own; it needs Java 25. The calls go
 * through constant method handles, which the JIT compiles as direct calls.
 */
public final class Kestra20Reader {
    /** Where the jars are: this system property, else benchmarks/kestra20/target/lib under the working directory. */
    public static final String LIB_PROPERTY = "kestra-sdk.bench.kestra20";

    private static final Object MATCHER;
    private static final MethodHandle MATCHES; // (Object matcher, String line) -> Optional
    private static final MethodHandle READ; // (String payload, Class) -> Object: MAPPER.readValue
    private static final Class<?> READ_TYPE; // TaskLogMatch

    static {
        try {
            ClassLoader loader = new URLClassLoader("kestra-2.0", jars(), ClassLoader.getPlatformClassLoader());
            Class<?> type = Class.forName("io.kestra.core.models.tasks.runners.TaskLogLineMatcher", true, loader);
            Class<?> match = Class.forName("io.kestra.core.models.tasks.runners.TaskLogLineMatcher$TaskLogMatch", true, loader);
            MATCHER = type.getConstructor().newInstance();
            Method matches = type.getDeclaredMethod("matches", String.class);
            matches.setAccessible(true);
            Field mapperField = type.getDeclaredField("MAPPER");
            mapperField.setAccessible(true);
            Object mapper = mapperField.get(null);
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MATCHES = lookup.unreflect(matches).asType(MethodType.methodType(Optional.class, Object.class, String.class));
            MethodHandle readValue = lookup.findVirtual(mapper.getClass(), "readValue", MethodType.methodType(Object.class, String.class, Class.class));
            READ = MethodHandles.insertArguments(readValue, 0, mapper).asType(MethodType.methodType(Object.class, String.class, Class.class));
            READ_TYPE = match;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Kestra 2.0's reader could not be loaded (benchmarks/kestra20 builds it; Java 25 runs it): " + e, e);
        }
    }

    private Kestra20Reader() {
    }

    private static URL[] jars() {
        Path lib = Path.of(System.getProperty(LIB_PROPERTY, "benchmarks/kestra20/target/lib"));
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().map(p -> {
                try {
                    return p.toUri().toURL();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toArray(URL[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("no Kestra 2.0 jars in " + lib.toAbsolutePath() + " (./mvnw -Pbench -pl benchmarks/kestra20 -am package)", e);
        }
    }

    /** The TaskLogMatch, null for an ordinary line, or the exception for a rejected line. */
    public static Object read(String line) {
        Optional<?> payload;
        try {
            payload = (Optional<?>) MATCHES.invokeExact(MATCHER, line);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        if (payload.isEmpty()) {
            return null;
        }
        try {
            return (Object) READ.invokeExact((String) payload.get(), (Class<?>) READ_TYPE);
        } catch (Throwable e) {
            return e;
        }
    }
}
