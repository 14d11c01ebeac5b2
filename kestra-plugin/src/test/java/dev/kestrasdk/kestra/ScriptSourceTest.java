package dev.kestrasdk.kestra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScriptSourceTest {
    @TempDir
    Path workingDirectory;

    @Test
    void anInlineScriptKeepsItsTextAndTheLanguagesName() throws Exception {
        assertEquals(new ScriptSource("print(1)", "script.py"),
                ScriptSource.of("t", "print(1)", null, workingDirectory, "script.py"));
    }

    @Test
    void aScriptFileIsReadFromTheWorkingDirectoryAndNamedByItsPathThere() throws Exception {
        Files.createDirectories(workingDirectory.resolve("jobs"));
        Files.writeString(workingDirectory.resolve("jobs/load.py"), "x = '{{ not rendered }}'\n");
        assertEquals(new ScriptSource("x = '{{ not rendered }}'\n", "jobs/load.py"),
                ScriptSource.of("t", null, "jobs/load.py", workingDirectory, "script.py"));
    }

    @Test
    void neitherOrBothAreRefusedNamingTheTask() {
        assertEquals("task 'load': set exactly one of 'script' and 'scriptFile' (neither is set)",
                assertThrows(IllegalArgumentException.class,
                        () -> ScriptSource.of("load", null, null, workingDirectory, "script.py")).getMessage());
        assertEquals("task 'load': set exactly one of 'script' and 'scriptFile' (both are set)",
                assertThrows(IllegalArgumentException.class,
                        () -> ScriptSource.of("load", "print(1)", "a.py", workingDirectory, "script.py")).getMessage());
    }

    @Test
    void aScriptFileOutsideTheWorkingDirectoryIsRefused() {
        assertEquals("task 'load': scriptFile '../etc/passwd' is not a file inside the task's working directory",
                assertThrows(IllegalArgumentException.class, () -> ScriptSource.of("load", null, "../etc/passwd",
                        workingDirectory, "script.py")).getMessage());
        assertEquals("task 'load': scriptFile '/etc/passwd' is not a file inside the task's working directory",
                assertThrows(IllegalArgumentException.class, () -> ScriptSource.of("load", null, "/etc/passwd",
                        workingDirectory, "script.py")).getMessage());
    }

    @Test
    void aMissingScriptFileSaysWhereItShouldComeFrom() {
        assertEquals("task 'load': scriptFile 'main.py' does not exist in the working directory (give it with"
                        + " namespaceFiles or inputFiles)",
                assertThrows(IllegalArgumentException.class, () -> ScriptSource.of("load", null, "main.py",
                        workingDirectory, "script.py")).getMessage());
    }
}
