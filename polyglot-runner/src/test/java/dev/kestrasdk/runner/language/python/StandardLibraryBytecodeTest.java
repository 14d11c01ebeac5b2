package dev.kestrasdk.runner.language.python;

import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.SharedRunner;
import dev.kestrasdk.runner.sandbox.RunProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.kestrasdk.runner.TestLanguages.PYTHON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GraalPy's standard library compiled to bytecode in the runner's resource cache: once, then scripts of both
 * profiles find, for a module they import, a {@code .pyc} that importlib accepts for its source (same magic
 * number, source time and size), so they read it instead of the source. Changing it is refused like any other file
 * of the cache (ResourceCacheAttackTest).
 */
class StandardLibraryBytecodeTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    /** Prints, for each module, whether its .pyc exists and importlib would take it for the module's source. */
    private static final String CHECK = """
            import importlib.util, os, struct, sys
            import json, re, datetime, decimal
            for m in (json, re, datetime, decimal):
                cached = importlib.util.cache_from_source(m.__file__)
                if not os.path.exists(cached):
                    print(m.__name__, 'no bytecode')
                    continue
                header = open(cached, 'rb').read(16)
                st = os.stat(m.__file__)
                magic, flags, mtime, size = header[:4], *struct.unpack('<III', header[4:16])
                print(m.__name__, magic == importlib.util.MAGIC_NUMBER, flags, mtime == int(st.st_mtime) & 0xFFFFFFFF,
                      size == st.st_size & 0xFFFFFFFF, cached.endswith('.' + sys.implementation.cache_tag + '.pyc'))
            """;

    @Test
    void compilesOnceThenScriptsOfBothProfilesFindBytecodeImportlibAccepts() throws IOException {
        String first = runner.get().compilePythonStandardLibrary();
        assertTrue(first.startsWith("compiled the standard library to bytecode in ")
                || first.startsWith("the standard library's bytecode is there already ("), first);
        assertTrue(StandardLibraryBytecode.isPresent(), first);
        Path marker = StandardLibraryBytecode.marker();
        assertEquals("the standard library's bytecode is there already (" + marker + ")",
                runner.get().compilePythonStandardLibrary());
        String written = Files.readString(marker, StandardCharsets.UTF_8).strip();
        assertTrue(written.matches(".*/python-home/[0-9a-f]+/lib/python3\\.\\d+\\|graalpy\\d+-\\d+"), written);

        List<String> expected = List.of("json True 0 True True True", "re True 0 True True True",
                "datetime True 0 True True True", "decimal True 0 True True True");
        for (RunProfile profile : RunProfile.values()) {
            ScriptResult result = runner.run(ScriptRequest.ofText(PYTHON, CHECK).withProfile(profile));
            assertEquals(ScriptStatus.SUCCESS, result.status(), () -> profile + ": " + result.failure());
            assertEquals(expected, result.stdout(), profile.toString());
        }
    }

    /** A marker (and bytecode) copied from a cache elsewhere does not count: the library is compiled again here. */
    @Test
    void aMarkerNamingAnotherCachesLibraryIsCompiledAgain() throws IOException {
        runner.get().compilePythonStandardLibrary();
        Path marker = StandardLibraryBytecode.marker();
        String here = Files.readString(marker, StandardCharsets.UTF_8);
        Files.writeString(marker, "/elsewhere/kestra-sdk-cache/graalvm/python/python-home/0/lib/python3.12|graalpy250-312\n",
                StandardCharsets.UTF_8);
        assertFalse(StandardLibraryBytecode.isPresent());
        String again = runner.get().compilePythonStandardLibrary();
        assertTrue(again.startsWith("compiled the standard library to bytecode in "), again);
        assertEquals(here, Files.readString(marker, StandardCharsets.UTF_8));
        assertTrue(StandardLibraryBytecode.isPresent());

        ScriptResult result = runner.run(ScriptRequest.ofText(PYTHON,
                "import json\nprint(json.dumps.__code__.co_filename == json.__file__)"));
        assertEquals(List.of("True"), result.stdout(), () -> String.valueOf(result.failure()));
    }
}
