package dev.kestrasdk.runner.engine;

import org.graalvm.polyglot.Engine;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of the one polyglot {@link Engine} every script shares (its code caches and, with a JIT, compiled
 * code). The defaults suit the interpreter-only Truffle runtime of a stock JDK; enabling the optimizing
 * runtime is a matter of JVM flags plus, if wanted, {@code engine.*} options here.
 */
public record EngineSettings(Map<String, String> options) {
    public EngineSettings {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** Silences the "no runtime compilation" warning that every fresh interpreter-only engine prints. */
    public static EngineSettings defaults() {
        return new EngineSettings(Map.of("engine.WarnInterpreterOnly", "false"));
    }

    public EngineSettings with(String option, String value) {
        Map<String, String> copy = new LinkedHashMap<>(options);
        copy.put(option, value);
        return new EngineSettings(copy);
    }

    /**
     * A new engine. First points Truffle at the runner's own {@link ResourceCache} (Truffle reads it once, when
     * the JVM's first engine starts): refused with an {@link IllegalStateException} if that cache is not the
     * current user's alone.
     */
    public Engine newEngine() {
        ResourceCache.install();
        return Engine.newBuilder()
                .options(options)
                // The engine's own messages (option warnings) go to the host's stderr, never into a script's console.
                // The engine closes its log stream when it closes: it gets one that leaves System.err open.
                .logHandler(new FilterOutputStream(System.err) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                })
                .build();
    }
}
