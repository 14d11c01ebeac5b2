package dev.kestrasdk.cli.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeSlotTest {
    private static final String HOME = "/root/.cache/kestra-sdk/graalvm-25.0.3/python/python-home/596c/lib/graalpy25.0/";

    @TempDir
    Path tmp;

    private boolean taken(String... mapped) throws IOException {
        StringBuilder maps = new StringBuilder("55d0c6a00000-55d0c6a01000 r--p 00000000 08:01 1 /usr/lib/jvm/bin/java\n");
        for (String library : mapped) {
            maps.append("7f1c2a000000-7f1c2a100000 r-xp 00000000 08:01 2 ").append(HOME).append(library).append('\n');
        }
        return NativeSlot.taken(Files.writeString(tmp.resolve("maps"), maps));
    }

    @Test
    void theCApiLibraryMeansTaken() throws IOException {
        assertTrue(taken("libpython-native.so", "modules/_sqlite3.graalpy250-312-native-x86_64-linux.so"));
    }

    /** The native compression backend (bz2, zlib, lzma) loads libraries of its own, which every context can use. */
    @Test
    void theCompressionLibrariesDoNot() throws IOException {
        assertFalse(taken("libbz2support.so", "liblzmasupport.so", "libzsupport.so"));
        assertFalse(taken());
        assertFalse(taken("libpython-native.so.bak"));
    }

    @Test
    void anUnreadableMapCountsAsTaken() {
        assertTrue(NativeSlot.taken(tmp.resolve("missing")));
    }
}
