package dev.kestrasdk.runner.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The temp directory GraalPy copies isolated native libraries into: the system's in the task profile, none in the sandbox. */
class ScriptFileSystemTempDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void theTaskProfileHasTheSystemTempDirectory() {
        assertEquals(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize(),
                ScriptFileSystem.forTask(dir, VirtualFiles.NONE).getTempDirectory().toAbsolutePath().normalize());
    }

    @Test
    void theSandboxHasNone() {
        for (boolean writable : new boolean[]{false, true}) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> ScriptFileSystem.forLanguages(dir, VirtualFiles.NONE, writable).getTempDirectory());
            assertEquals("no temporary directory in the kestra-sdk sandbox profile", e.getMessage());
        }
    }
}
