package dev.kestrasdk.runner.language.python;

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

    @Test
    void theCacheComesFirstThenTheDefaultCacheThenThePath() {
        assertEquals(List.of(Path.of("/c/patchelf/bin/patchelf"), Path.of("/h/.cache/kestra-sdk/patchelf/bin/patchelf"),
                        Path.of("/usr/local/bin/patchelf"), Path.of("/usr/bin/patchelf")),
                NativeModuleIsolation.candidates("/c", "/h", "/usr/local/bin::/usr/bin"));
        assertEquals(List.of(Path.of("/h/.cache/kestra-sdk/patchelf/bin/patchelf")),
                NativeModuleIsolation.candidates(null, "/h", null));
    }

    @Test
    void theFirstExecutablePatchelfIsTaken() throws IOException {
        Path notExecutable = file(dir.resolve("cache/patchelf/bin/patchelf"), "rw-------");
        Path onThePath = file(dir.resolve("bin/patchelf"), "rwx------");
        assertEquals(Optional.of(onThePath), NativeModuleIsolation.find(null, dir.resolve("cache").toString(),
                dir.resolve("home").toString(), dir.resolve("empty") + ":" + dir.resolve("bin")));
        Path inTheCache = file(dir.resolve("home/.cache/kestra-sdk/patchelf/bin/patchelf"), "rwx------");
        assertEquals(Optional.of(inTheCache), NativeModuleIsolation.find("", dir.resolve("cache").toString(),
                dir.resolve("home").toString(), dir.resolve("bin").toString()));
        assertEquals(notExecutable.getParent(), dir.resolve("cache/patchelf/bin"));
    }

    @Test
    void withoutPatchelfThereIsNoIsolation() {
        assertEquals(Optional.empty(), NativeModuleIsolation.find(null, dir.resolve("cache").toString(),
                dir.resolve("home").toString(), dir.toString()));
    }

    @Test
    void theSettingNamesTheBinaryOrTurnsIsolationOff() throws IOException {
        Path mine = file(dir.resolve("tools/patchelf"), "rwx------");
        Path everywhere = file(dir.resolve("bin/patchelf"), "rwx------");
        String path = everywhere.getParent().toString();
        assertEquals(Optional.of(mine), NativeModuleIsolation.find(mine.toString(), null, null, path));
        assertEquals(Optional.empty(), NativeModuleIsolation.find("none", null, null, path));
        assertEquals(Optional.of(everywhere), NativeModuleIsolation.find(null, null, null, path));
    }

    @Test
    void aSettingThatIsNoExecutableFileIsRefusedNamingIt() throws IOException {
        Path text = file(dir.resolve("patchelf.txt"), "rw-------");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NativeModuleIsolation.find(text.toString(), null, null, null));
        assertEquals("KESTRA_SDK_PATCHELF must be an executable patchelf or 'none', was '" + text
                + "' (not an executable file)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NativeModuleIsolation.find("off", null, null, null));
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
