package dev.kestrasdk.runner.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the guest modules shipped as ordinary resource files next to the class that uses them. */
public final class ResourceText {
    private ResourceText() {
    }

    public static byte[] bytes(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing next to " + anchor.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    public static String text(Class<?> anchor, String name) {
        return new String(bytes(anchor, name), StandardCharsets.UTF_8);
    }
}
