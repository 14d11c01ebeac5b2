package dev.kestrasdk.runner.language.python;

import dev.kestrasdk.runner.engine.ResourceCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Where the runner finds patchelf, which turns GraalPy's native-module isolation on (no engine here). */
class NativeModuleIsolationTest {
    @TempDir
    Path dir;

    /** The cache is ResourceCache's ($KESTRA_SDK_CACHE, else ~/.cache/kestra-sdk), where install-patchelf puts it. */
    @Test
    void theRunnersCacheComesFirstThenThePath() {
        assertEquals(List.of(Path.of("/c/patchelf/bin/patchelf"), Path.of("/usr/local/bin/patchelf"), Path.of("/usr/bin/patchelf")),
                NativeModuleIsolation.candidates(Path.of("/c"), "/usr/local/bin::/usr/bin"));
        assertEquals(List.of(Path.of("/h/.cache/kestra-sdk/patchelf/bin/patchelf")),
                NativeModuleIsolation.candidates(ResourceCache.base(null, "/h"), null));
    }

    @Test
    void theFirstExecutablePatchelfIsTaken() throws IOException {
        Path notExecutable = file(dir.resolve("cache/patchelf/bin/patchelf"), "rw-------");
        Path onThePath = file(dir.resolve("bin/patchelf"), "rwx------");
        assertEquals(Optional.of(onThePath), NativeModuleIsolation.find(null, dir.resolve("cache"),
                dir.resolve("empty") + ":" + dir.resolve("bin")));
        Path inTheCache = file(dir.resolve("home/.cache/kestra-sdk/patchelf/bin/patchelf"), "rwx------");
        assertEquals(Optional.of(inTheCache), NativeModuleIsolation.find("", ResourceCache.base(null, dir.resolve("home").toString()),
                dir.resolve("bin").toString()));
        assertEquals(notExecutable.getParent(), dir.resolve("cache/patchelf/bin"));
    }

    @Test
    void withoutPatchelfThereIsNoIsolation() {
        assertEquals(Optional.empty(), NativeModuleIsolation.find(null, dir.resolve("cache"), dir.toString()));
    }

    @Test
    void theSettingNamesTheBinaryOrTurnsIsolationOff() throws IOException {
        Path mine = file(dir.resolve("tools/patchelf"), "rwx------");
        Path everywhere = file(dir.resolve("bin/patchelf"), "rwx------");
        String path = everywhere.getParent().toString();
        assertEquals(Optional.of(mine), NativeModuleIsolation.find(mine.toString(), dir.resolve("cache"), path));
        assertEquals(Optional.empty(), NativeModuleIsolation.find("none", dir.resolve("cache"), path));
        assertEquals(Optional.of(everywhere), NativeModuleIsolation.find(null, dir.resolve("cache"), path));
    }

    @Test
    void aSettingThatIsNoExecutableFileIsRefusedNamingIt() throws IOException {
        Path text = file(dir.resolve("patchelf.txt"), "rw-------");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NativeModuleIsolation.find(text.toString(), dir, null));
        assertEquals("KESTRA_SDK_PATCHELF must be an executable patchelf or 'none', was '" + text
                + "' (not an executable file)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NativeModuleIsolation.find("off", dir, null));
        assertEquals("KESTRA_SDK_PATCHELF must be an executable patchelf or 'none', was 'off' (not an executable file)",
                e.getMessage());
    }

    private static Path file(Path path, String mode) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "#!/bin/sh\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        return path;
    }
}
