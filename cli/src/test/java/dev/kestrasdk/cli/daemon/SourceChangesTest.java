package dev.kestrasdk.cli.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warm runner stops when a main source or a pom is newer than its build, as the launcher would rebuild. */
class SourceChangesTest {
    @TempDir
    Path root;

    private static final FileTime BUILT = FileTime.fromMillis(1_000_000_000_000L);
    private static final FileTime LATER = FileTime.fromMillis(1_000_000_001_000L);

    private void file(String path, FileTime time) throws Exception {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "x");
        Files.setLastModifiedTime(f, time);
    }

    @Test
    void aNewerMainSourceOrPomCounts() throws Exception {
        file("cli/src/main/java/A.java", BUILT);
        file("cli/src/test/java/ATest.java", LATER); // a test is not part of the launcher's build
        assertFalse(SourceChanges.since(root, BUILT));
        file("cli/pom.xml", LATER);
        assertTrue(SourceChanges.since(root, BUILT));
    }

    @Test
    void aNewerMainSource() throws Exception {
        file("polyglot-runner/src/main/resources/x.py", LATER);
        assertTrue(SourceChanges.since(root, BUILT));
    }

    @Test
    void buildOutputAndInstalledPackagesDoNot() throws Exception {
        file("cli/target/classes/src/main/A.class", LATER);
        file("sdks/javascript/node_modules/p/src/main/index.js", LATER);
        file("conformance-tests/peers/.venv/lib/src/main/x.py", LATER);
        file("x/__pycache__/src/main/y.pyc", LATER);
        assertFalse(SourceChanges.since(root, BUILT));
    }
}
