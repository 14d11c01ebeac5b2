package dev.kestrasdk.cli.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Whether a run took GraalPy's one native slot in this process. GraalPy loads C extensions (sqlite3's, pyexpat) in
 * one context per process: once a script's context has, every later one that imports one fails with a
 * {@code SystemError}, where a direct run (a process of its own) would succeed. GraalPy says nothing about it, but it
 * maps its C API library, {@value #LIBRARY}, into the process when the first extension loads (the compression
 * backends' libraries are others, usable in every context), so the warm runner reads its own memory map after each
 * run and makes way for a new process when the library is there. With patchelf (the runner's
 * {@code NativeModuleIsolation}) GraalPy maps a renamed copy per context instead, never the library itself: no run
 * takes the slot, and the warm runner goes on.
 */
final class NativeSlot {
    static final String LIBRARY = "libpython-native.so";

    private NativeSlot() {
    }

    /** True when this process has loaded GraalPy's C API, or when its memory map cannot be read (then it cannot tell). */
    static boolean taken() {
        return taken(Path.of("/proc/self/maps"));
    }

    static boolean taken(Path maps) {
        try (Stream<String> lines = Files.lines(maps)) {
            return lines.anyMatch(line -> line.endsWith("/" + LIBRARY));
        } catch (IOException | java.io.UncheckedIOException e) {
            return true;
        }
    }
}
