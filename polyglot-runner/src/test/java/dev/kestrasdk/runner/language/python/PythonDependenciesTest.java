package dev.kestrasdk.runner.language.python;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PythonDependenciesTest {
    @TempDir
    Path dir;

    @Test
    void requirementsAreStrippedAndKeptOnceInTheirOrder() {
        assertEquals(List.of("requests", "Faker==33.1.0"),
                PythonDependencies.of(" requests ", "Faker==33.1.0", "requests").requirements());
    }

    @Test
    void plusAppendsTheOthersNotYetThere() {
        assertEquals(List.of("six", "requests", "idna"),
                PythonDependencies.of("six", "requests").plus(PythonDependencies.of("requests", "idna")).requirements());
    }

    @Test
    void noneIsEmpty() {
        assertTrue(PythonDependencies.NONE.isEmpty());
        assertEquals(List.of(), PythonDependencies.NONE.requirements());
    }

    @Test
    void aPipOptionIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PythonDependencies.of("-r other.txt"));
        assertEquals("'-r other.txt' is a pip option; only package requirements are accepted (such as requests or Faker==33.1.0)",
                e.getMessage());
    }

    @Test
    void anEmptyRequirementIsRefused() {
        assertEquals("an empty package requirement",
                assertThrows(IllegalArgumentException.class, () -> PythonDependencies.of("  ")).getMessage());
    }

    @Test
    void somethingThatIsNotARequirementIsRefused() {
        assertEquals("'\"requests\"' is not a package requirement (such as requests or Faker==33.1.0)",
                assertThrows(IllegalArgumentException.class, () -> PythonDependencies.of("\"requests\"")).getMessage());
        assertEquals("'a\nb' is not a package requirement (such as requests or Faker==33.1.0)",
                assertThrows(IllegalArgumentException.class, () -> PythonDependencies.of("a\nb")).getMessage());
    }

    @Test
    void aRequirementsFileSkipsCommentsAndBlankLines() throws IOException {
        Path file = Files.writeString(dir.resolve("requirements.txt"),
                "# for the report\nrequests==2.32.3  # HTTP\n\n   \nFaker>=33\nurl#fragment-is-not-a-comment\n");
        assertEquals(List.of("requests==2.32.3", "Faker>=33", "url#fragment-is-not-a-comment"),
                PythonDependencies.fromRequirementsFile(file).requirements());
    }

    @Test
    void aRequirementsFileWithAnOptionNamesTheFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("requirements.txt"), "requests\n\n--index-url https://example.org/simple\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PythonDependencies.fromRequirementsFile(file));
        assertEquals(file + ", line 3: '--index-url https://example.org/simple' is a pip option; only package"
                + " requirements are accepted (such as requests or Faker==33.1.0)", e.getMessage());
    }

    @Test
    void aMissingRequirementsFileIsOneLine() {
        Path file = dir.resolve("nope.txt");
        assertEquals(file + ": no such file", assertThrows(IllegalArgumentException.class,
                () -> PythonDependencies.fromRequirementsFile(file)).getMessage());
    }

    @Test
    void theKeyIgnoresOrderButNotTheRequirementsOrTheGraalPyVersion() {
        String key = PythonDependencies.of("requests", "six").key("25.0.3");
        assertEquals(16, key.length());
        assertTrue(key.matches("[0-9a-f]{16}"), key);
        assertEquals(key, PythonDependencies.of("six", "requests").key("25.0.3"));
        assertNotEquals(key, PythonDependencies.of("requests", "six==1.17.0").key("25.0.3"));
        assertNotEquals(key, PythonDependencies.of("requests", "six").key("25.0.4"));
    }

    @Test
    void theKeyIsTheHashOfTheSortedLines() {
        assertEquals(PythonDependencies.hash("graalpy 25.0.3\nrequests\nsix"),
                PythonDependencies.of("six", "requests").key("25.0.3"));
        // sha256("abc") starts ba7816bf8f01cfea
        assertEquals("ba7816bf8f01cfea", PythonDependencies.hash("abc"));
    }
}
