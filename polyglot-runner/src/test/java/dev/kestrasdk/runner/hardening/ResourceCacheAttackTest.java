package dev.kestrasdk.runner.hardening;

import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.SharedRunner;
import dev.kestrasdk.runner.engine.ResourceCache;
import dev.kestrasdk.runner.sandbox.RunProfile;
import dev.kestrasdk.runner.sandbox.SandboxPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static dev.kestrasdk.runner.TestLanguages.JAVASCRIPT;
import static dev.kestrasdk.runner.TestLanguages.PYTHON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks on the languages' own files (issue 10, item 1): the GraalPy home with the standard library and
 * Truffle's native libraries, unpacked into the runner's {@link ResourceCache}. Changing them ran the attacker's
 * code in later scripts and runs; every change must be refused, with the default sandbox and with
 * {@code allowWrite}, and leave every file of the cache as it was.
 */
@ExtendWith(Reliability.class)
class ResourceCacheAttackTest {
    private static final String AREA = "Sandbox";
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();
    private static Path work;
    private static Path cache;

    /** One change: a Python statement on {@code F} (json/__init__.py), {@code HOME} (sys.prefix) or {@code CACHE}. */
    record Change(String name, String statement, String type, String says) {
    }

    static Stream<Change> changes() {
        String denied = "Permission denied";
        return Stream.of(
                new Change("create a module in the GraalPy home", "open(HOME + '/sitecustomize.py', 'x').write('1')",
                        "PermissionError", denied),
                new Change("overwrite json/__init__.py", "open(F, 'w').write('print(1)')", "PermissionError", denied),
                new Change("append to json/__init__.py", "open(F, 'a').write('print(1)')", "PermissionError", denied),
                new Change("truncate json/__init__.py (os.truncate)", "os.truncate(F, 0)", "PermissionError", denied),
                new Change("truncate json/__init__.py (r+, truncate())", "open(F, 'r+').truncate(0)", "PermissionError", denied),
                new Change("delete json/__init__.py", "os.remove(F)", "PermissionError", denied),
                new Change("rename json/__init__.py", "os.rename(F, F + '.bak')", "PermissionError", denied),
                new Change("chmod json/__init__.py", "os.chmod(F, 0o777)", "PermissionError", denied),
                new Change("symlink in the GraalPy home", "os.symlink('/etc/passwd', HOME + '/evil-link')",
                        "PermissionError", denied),
                new Change("mkdir in the GraalPy home", "os.mkdir(HOME + '/evil-dir')", "PermissionError", denied),
                new Change("rmdir the json package", "import shutil\nshutil.rmtree(os.path.dirname(F))",
                        "PermissionError", denied),
                new Change("overwrite a native library of the cache", "open(NATIVE, 'wb').write(b'\\x7fELF')",
                        "PermissionError", denied),
                new Change("create a file in the cache root", "open(CACHE + '/evil.txt', 'x').write('1')",
                        "PermissionError", denied),
                new Change("rename the cache's python folder", "os.rename(CACHE + '/python', CACHE + '/gone')",
                        "PermissionError", denied),
                new Change("plant bytecode for json (read instead of its source by later scripts)",
                        "import importlib.util\nB = importlib.util.cache_from_source(F)\n"
                                + "os.makedirs(os.path.dirname(B), exist_ok=True)\nopen(B, 'wb').write(b'x')",
                        "PermissionError", denied));
    }

    static Stream<Object[]> changesInBothProfiles() {
        return changes().flatMap(c -> Stream.of(new Object[]{c, "default sandbox"}, new Object[]{c, "allowWrite"}));
    }

    @BeforeAll
    static void start(@TempDir Path dir) {
        work = dir;
        cache = ResourceCache.install();
    }

    @Test
    void theGraalPyHomeIsInTheRunnersOwnCache() {
        ScriptResult result = runner.run(ScriptRequest.ofText(PYTHON, "import sys, json\nprint(sys.prefix)\nprint(json.__file__)").withProfile(RunProfile.SANDBOX)
                .withWorkingDirectory(work));
        Reliability.record(AREA, "where the GraalPy home is (sys.prefix, json.__file__)", "Python",
                "in the runner's own resource cache, not GraalVM's shared ~/.cache/org.graalvm.polyglot",
                result.status() + ", " + result.stdout());
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        assertTrue(result.stdout().get(0).startsWith(cache.toString() + "/python/python-home/"), result.stdout().get(0));
        assertTrue(result.stdout().get(1).startsWith(result.stdout().get(0) + "/lib/"), result.stdout().get(1));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("changesInBothProfiles")
    void isRefusedAndChangesNothing(Change change, String profile) {
        String before = snapshot(cache);
        SandboxPolicy policy = profile.equals("allowWrite") ? SandboxPolicy.CLOSED.allowWrite() : SandboxPolicy.CLOSED;
        String script = """
                import os, sys, json
                F = json.__file__
                HOME = sys.prefix
                CACHE = %s
                NATIVE = %s
                """.formatted(pythonString(cache), pythonString(nativeLibrary())) + change.statement();
        ScriptResult result = runner.run(ScriptRequest.ofText(PYTHON, script).withWorkingDirectory(work)
                .withSandbox(policy).withTimeout(Duration.ofSeconds(60)));
        String after = snapshot(cache);
        String observed = result.status() + (result.failure() == null ? "" : ", " + result.failure().describe())
                + (before.equals(after) ? "; the cache is unchanged" : "; THE CACHE CHANGED");
        Reliability.record(AREA, change.name() + " (" + profile + ")", "Python",
                "refused: FAILED, " + change.type() + " saying \"" + change.says() + "\"; every file unchanged", observed);
        assertEquals(ScriptStatus.FAILED, result.status(), observed);
        assertEquals(change.type(), result.failure().type(), observed);
        assertTrue(result.failure().message().contains(change.says()), observed);
        assertEquals(before, after, "the resource cache changed");
        ScriptResult next = runner.run(ScriptRequest.ofText(PYTHON, "import json\nprint(json.dumps([1]))").withProfile(RunProfile.SANDBOX));
        assertEquals(List.of("[1]"), next.stdout(), () -> "next script: " + next.failure());
    }

    @Test
    void javaScriptHasNoFileApiToChangeTheCacheWith() {
        String before = snapshot(cache);
        ScriptResult result = runner.run(ScriptRequest.ofText(JAVASCRIPT,
                "require('fs').writeFileSync(" + jsString(nativeLibrary()) + ", 'x')").withWorkingDirectory(work)
                .withSandbox(SandboxPolicy.CLOSED.allowWrite()));
        String observed = result.status() + ", " + (result.failure() == null ? "" : result.failure().describe())
                + (before.equals(snapshot(cache)) ? "; the cache is unchanged" : "; THE CACHE CHANGED");
        Reliability.record(AREA, "require('fs').writeFileSync(a native library of the cache) (allowWrite)", "JavaScript",
                "refused: FAILED, Error saying \"Node's file API is not available\"; every file unchanged", observed);
        assertEquals(ScriptStatus.FAILED, result.status(), observed);
        assertEquals("Error", result.failure().type(), observed);
        assertTrue(result.failure().message().contains("require('fs'): Node's file API is not available"), observed);
        assertEquals(before, snapshot(cache));
    }

    @Test
    void aWorkingDirectoryAboveTheCacheDoesNotOpenItWithAllowWrite() {
        String before = snapshot(cache);
        Path above = cache.getParent();
        String script = """
                import os
                def attempt(label, action):
                    try:
                        action()
                        print(label, 'allowed')
                    except OSError as e:
                        print(label, 'refused', type(e).__name__)
                attempt('create', lambda: open('%1$s/evil.txt', 'x').write('1'))
                attempt('rename', lambda: os.rename('%1$s/python', '%1$s/gone'))
                attempt('delete', lambda: os.rmdir('%1$s/python'))
                attempt('beside', lambda: open('beside.txt', 'x').write('1'))
                os.remove('beside.txt')
                """.formatted(cache.getFileName());
        ScriptResult result = runner.run(ScriptRequest.ofText(PYTHON, script).withWorkingDirectory(above)
                .withSandbox(SandboxPolicy.CLOSED.allowWrite()));
        Reliability.record(AREA, "allowWrite in the folder that holds the resource cache: create, rename, delete in the cache",
                "Python", "refused with PermissionError; writing beside the cache allowed",
                result.status() + ", " + String.join("; ", result.stdout()));
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        assertEquals(List.of("create refused PermissionError", "rename refused PermissionError",
                "delete refused PermissionError", "beside allowed"), result.stdout());
        assertEquals(before, snapshot(cache));
    }

    @Test
    void aLinkIntoTheCacheDoesNotOpenItWithAllowWrite() throws IOException {
        String before = snapshot(cache);
        Path link = Files.createSymbolicLink(work.resolve("into-cache"), cache);
        try {
            ScriptResult result = runner.run(ScriptRequest.ofText(PYTHON, "open('into-cache/evil.txt', 'x').write('1')")
                    .withWorkingDirectory(work).withSandbox(SandboxPolicy.CLOSED.allowWrite()));
            String observed = result.status() + (result.failure() == null ? "" : ", " + result.failure().describe());
            Reliability.record(AREA, "allowWrite, a link in the working directory leading into the resource cache: create through it",
                    "Python", "refused: FAILED, PermissionError; every file unchanged", observed);
            assertEquals(ScriptStatus.FAILED, result.status(), observed);
            assertEquals("PermissionError", result.failure().type(), observed);
            assertEquals(before, snapshot(cache));
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void theStandardLibraryStillWorks() {
        ScriptResult result = runner.run(ScriptRequest.ofText(PYTHON, """
                import json, csv, re, collections
                print(json.dumps({'a': 1}))
                try:
                    import sqlite3
                except ImportError as e:
                    print(type(e).__name__, e)
                """).withProfile(RunProfile.SANDBOX).withWorkingDirectory(work));
        ScriptResult js = runner.run(ScriptRequest.ofText(JAVASCRIPT,
                "const Kestra = require('@kestra-io/libs'); console.log(typeof Kestra.outputs)").withProfile(RunProfile.SANDBOX).withWorkingDirectory(work));
        Reliability.record(AREA, "the standard library with the cache read-only: import json, csv, re; import sqlite3 (a C extension); require('@kestra-io/libs')",
                "both", "works", result.status() + " " + result.stdout() + ", " + js.status() + " " + js.stdout());
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        assertEquals("{\"a\": 1}", result.stdout().get(0));
        assertEquals("ImportError Cannot run any C extensions because native access is not allowed.",
                result.stdout().get(1), "sqlite3 is a C extension: refused as before, by the context");
        assertEquals(List.of("function"), js.stdout(), () -> String.valueOf(js.failure()));
    }

    private static Path nativeLibrary() {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".so")).findFirst()
                    .orElseThrow(() -> new AssertionError("no native library in " + cache));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every path in the tree with its type, size, mode, modification time and content digest. */
    static String snapshot(Path root) {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted().toList()) {
                out.append(root.relativize(p)).append(' ');
                if (Files.isSymbolicLink(p)) {
                    out.append("link ").append(Files.readSymbolicLink(p));
                } else {
                    out.append(Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)).append(' ')
                            .append(Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis());
                    if (Files.isRegularFile(p)) {
                        out.append(' ').append(HexFormat.of().formatHex(
                                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                    }
                }
                out.append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }

    private static String pythonString(Path p) {
        return "'" + p.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String jsString(Path p) {
        return pythonString(p);
    }
}
