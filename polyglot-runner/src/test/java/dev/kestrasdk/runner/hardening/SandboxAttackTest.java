package dev.kestrasdk.runner.hardening;

import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.SharedRunner;
import dev.kestrasdk.runner.language.GuestLanguage;
import dev.kestrasdk.runner.sandbox.RunProfile;
import dev.kestrasdk.runner.sandbox.SandboxPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static dev.kestrasdk.runner.TestLanguages.JAVASCRIPT;
import static dev.kestrasdk.runner.TestLanguages.PYTHON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real attempts to leave the sandbox, from both languages: each is refused with a failure naming what was
 * refused, nothing happens on the host, and the runner serves the next script. Then what the documented
 * switches ({@link SandboxPolicy}) open, and only that.
 */
@ExtendWith(Reliability.class)
class SandboxAttackTest {
    private static final String AREA = "Sandbox";
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();
    private static Path root;
    private static Path work;

    /** One attack: the script, and the failure type and message fragment the refusal must have. */
    record Attack(GuestLanguage language, String name, String script, String type, String says) {
        @Override
        public String toString() {
            return language + ": " + name;
        }
    }

    static Stream<Attack> attacks() {
        return Stream.of(
                new Attack(PYTHON, "subprocess.run(['ls'])", "import subprocess\nsubprocess.run(['ls'])",
                        "PermissionError", "starting a process is not allowed"),
                new Attack(PYTHON, "os.system('ls')", "import os\nos.system('ls')",
                        "PermissionError", "process is not allowed (os.system)"),
                new Attack(PYTHON, "os.popen('ls')", "import os\nos.popen('ls').read()",
                        "PermissionError", "starting a process is not allowed"),
                new Attack(PYTHON, "os.kill(os.getpid(), 9)", "import os\nos.kill(os.getpid(), 9)",
                        "PermissionError", "process is not allowed (os.kill)"),
                new Attack(PYTHON, "socket.socket().connect(('127.0.0.1', 80))",
                        "import socket\nsocket.socket().connect(('127.0.0.1', 80))",
                        "PermissionError", "network access is not allowed"),
                new Attack(PYTHON, "urllib.request.urlopen('http://127.0.0.1/')",
                        "import urllib.request\nurllib.request.urlopen('http://127.0.0.1/')",
                        "URLError", "network access is not allowed"),
                new Attack(PYTHON, "java.type('java.lang.Runtime') (host access)",
                        "import java\njava.type('java.lang.Runtime')",
                        "KeyError", "host symbol java.lang.Runtime is not defined or access has been denied"),
                new Attack(PYTHON, "polyglot.eval(language='js', ...)",
                        "import polyglot\npolyglot.eval(language='js', string='1')",
                        "RuntimeError", "polyglot access is not allowed"),
                new Attack(PYTHON, "open('/etc/passwd').read()", "open('/etc/passwd').read()",
                        "PermissionError", "Permission denied: '/etc/passwd'"),
                new Attack(PYTHON, "open('link').read(), link -> /etc/passwd inside the working directory",
                        "open('link').read()", "PermissionError", "Permission denied: 'link'"),
                new Attack(PYTHON, "os.listdir('etc'), etc -> /etc inside the working directory",
                        "import os\nos.listdir('etc')", "PermissionError", "Permission denied: 'etc'"),
                new Attack(PYTHON, "open('../secret.txt') (a file next to the working directory)",
                        "open('../secret.txt').read()", "FileNotFoundError", "No such file or directory"),
                new Attack(PYTHON, "os.listdir('/')", "import os\nos.listdir('/')",
                        "FileNotFoundError", "No such file or directory: '/'"),
                new Attack(PYTHON, "open('/tmp/…/evil.txt', 'w') (outside the working directory)",
                        "open(EVIL, 'w').write('x')", "PermissionError", "Permission denied"),
                new Attack(PYTHON, "open('inside.txt', 'w') (inside, default policy)",
                        "open('inside.txt', 'w').write('x')", "PermissionError", "Permission denied: 'inside.txt'"),
                new Attack(PYTHON, "os.remove('data.txt') (inside, default policy)",
                        "import os\nos.remove('data.txt')", "PermissionError", "Permission denied"),
                new Attack(PYTHON, "import ctypes (native code)", "import ctypes\nctypes.CDLL(None)",
                        "ImportError", "native code is not allowed (import ctypes)"),
                new Attack(PYTHON, "threading.Thread(...).start() (default policy)",
                        "import threading\nthreading.Thread(target=print).start()",
                        "PermissionError", "starting a thread is not allowed"),
                new Attack(JAVASCRIPT, "require('child_process').execSync('ls')",
                        "require('child_process').execSync('ls')", "Error", "require('child_process'): starting processes is not allowed"),
                new Attack(JAVASCRIPT, "Java.type('java.lang.Runtime')", "Java.type('java.lang.Runtime')",
                        "TypeError", "Access to host class java.lang.Runtime is not allowed"),
                new Attack(JAVASCRIPT, "java.lang.Runtime.getRuntime() (package globals)",
                        "java.lang.Runtime.getRuntime()", "ReferenceError", "java is not defined"),
                new Attack(JAVASCRIPT, "require('fs').readFileSync('/etc/passwd')",
                        "require('fs').readFileSync('/etc/passwd', 'utf8')", "Error", "require('fs'): Node's file API is not available"),
                new Attack(JAVASCRIPT, "require('fs').writeFileSync(outside)",
                        "require('fs').writeFileSync('/tmp/evil.txt', 'x')", "Error", "require('fs'): Node's file API is not available"),
                new Attack(JAVASCRIPT, "import fs from 'fs' (ES module)", "import fs from 'fs';\nfs.readFileSync('/etc/passwd');",
                        "Error", "require('fs')"),
                new Attack(JAVASCRIPT, "fetch('http://127.0.0.1/')", "fetch('http://127.0.0.1/')",
                        "ReferenceError", "fetch is not defined"),
                new Attack(JAVASCRIPT, "require('net').connect(80, '127.0.0.1')", "require('net').connect(80, '127.0.0.1')",
                        "Error", "require('net'): network access is not allowed"),
                new Attack(JAVASCRIPT, "require('http').get('http://127.0.0.1/')", "require('http').get('http://127.0.0.1/')",
                        "Error", "require('http'): network access is not allowed"),
                new Attack(JAVASCRIPT, "Polyglot.eval('python', ...)", "Polyglot.eval('python', '1')",
                        "ReferenceError", "Polyglot is not defined"),
                new Attack(JAVASCRIPT, "load('/etc/passwd')", "load('/etc/passwd')",
                        "TypeError", "Cannot load script: /etc/passwd"),
                new Attack(JAVASCRIPT, "require('/etc/passwd')", "require('/etc/passwd')",
                        "TypeError", "Cannot load module: '/etc/passwd'"),
                new Attack(JAVASCRIPT, "require('./link'), link -> /etc/passwd inside the working directory",
                        "require('./link')", "TypeError", "Cannot load module: './link'"),
                new Attack(JAVASCRIPT, "new Worker(...) (threads)", "new Worker('x.js')",
                        "ReferenceError", "Worker is not defined"));
    }

    @BeforeAll
    static void start(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        root = dir;
        work = Files.createDirectory(dir.resolve("work"));
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.writeString(work.resolve("data.txt"), "data");
        Files.createSymbolicLink(work.resolve("link"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(work.resolve("etc"), Path.of("/etc"));
        Files.createSymbolicLink(work.resolve("out"), dir); // a folder link leading out, for writes
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void isRefusedWithAClearErrorAndTheRunnerGoesOn(Attack attack) {
        String script = attack.script().replace("EVIL", "'" + root.resolve("evil.txt") + "'");
        ScriptRequest request = ScriptRequest.ofText(attack.language(), script).withProfile(RunProfile.SANDBOX).withWorkingDirectory(work)
                .withTimeout(Duration.ofSeconds(60));
        if (script.startsWith("import fs")) {
            request = request.withSourceName("attack.mjs");
        }
        ScriptResult result = runner.run(request);
        String observed = result.status() + (result.failure() == null ? "" : ", " + result.failure().describe());
        Reliability.record(AREA, attack.name(), language(attack.language()),
                "refused: FAILED, " + attack.type() + " saying \"" + attack.says() + "\"", observed);
        assertEquals(ScriptStatus.FAILED, result.status(), observed);
        assertEquals(attack.type(), result.failure().type(), observed);
        assertTrue(result.failure().message().contains(attack.says()), observed);
        assertFalse(Files.exists(root.resolve("evil.txt")), "nothing written outside");
        assertFalse(Files.exists(work.resolve("inside.txt")), "nothing written inside");
        assertTrue(Files.exists(work.resolve("data.txt")), "nothing deleted");
        servesTheNextScript(attack.language());
    }

    @Test
    void exitingEndsOnlyTheScript() {
        ScriptResult python = runner.run(ScriptRequest.ofText(PYTHON, "import os\nprint('before')\nos._exit(7)\nprint('after')").withProfile(RunProfile.SANDBOX));
        Reliability.record(AREA, "os._exit(7)", "Python", "ends the script (exit code 7), not the JVM",
                python.status() + ", exit code " + python.exitCode() + ", " + python.failure().describe());
        assertEquals(7, python.exitCode());
        assertEquals(List.of("before"), python.stdout());
        ScriptResult js = runner.run(ScriptRequest.ofText(JAVASCRIPT, "console.log('before'); process.exit(5); console.log('after')").withProfile(RunProfile.SANDBOX));
        Reliability.record(AREA, "process.exit(5)", "JavaScript", "ends the script (exit code 5), not the JVM",
                js.status() + ", exit code " + js.exitCode() + ", " + js.failure().describe());
        assertEquals(5, js.exitCode());
        assertEquals("SystemExit", js.failure().type());
        servesTheNextScript(PYTHON);
        servesTheNextScript(JAVASCRIPT);
    }

    @Test
    void environmentIsEmptyUnlessAllowed() {
        String py = "import os\nprint(sorted(k for k in os.environ if k not in ('UNSAFE_PYO3_SKIP_VERSION_CHECK',)), os.environ.get('PATH') is not None)";
        String js = "console.log(Object.keys(process.env).length, process.env.PATH !== undefined)";
        ScriptResult closedPy = runner.run(ScriptRequest.ofText(PYTHON, py).withProfile(RunProfile.SANDBOX));
        ScriptResult closedJs = runner.run(ScriptRequest.ofText(JAVASCRIPT, js).withProfile(RunProfile.SANDBOX));
        ScriptResult openPy = runner.run(ScriptRequest.ofText(PYTHON, py).withSandbox(SandboxPolicy.CLOSED.allowEnvironment()));
        ScriptResult openJs = runner.run(ScriptRequest.ofText(JAVASCRIPT, js).withSandbox(SandboxPolicy.CLOSED.allowEnvironment()));
        Reliability.record(AREA, "read os.environ / process.env", "both", "empty; the host's with allowEnvironment",
                "closed: Python " + closedPy.stdout() + ", JavaScript " + closedJs.stdout() + "; open: Python sees PATH: "
                        + openPy.stdout().stream().map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList()
                        + ", JavaScript sees PATH: " + openJs.stdout().stream().map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList());
        assertEquals(List.of("[] False"), closedPy.stdout(), "GraalPy sets UNSAFE_PYO3_SKIP_VERSION_CHECK itself; nothing of the host's");
        assertEquals(List.of("0 false"), closedJs.stdout());
        assertTrue(openPy.stdout().get(0).endsWith(" True"), String.valueOf(openPy.stdout()));
        assertTrue(openJs.stdout().get(0).endsWith(" true"), String.valueOf(openJs.stdout()));
    }

    /** Every way a script could read the host's environment, given variables of its own that must be all it sees. */
    @Test
    void theHostEnvironmentIsUnreadableUnlessAskedFor() {
        String py = """
                import os, posix
                def proc():
                    try:
                        return 'PATH=' in open('/proc/self/environ', 'rb').read().decode('latin-1')
                    except OSError as e:
                        return type(e).__name__
                print(os.environ.get('PATH'), os.getenv('HOME'), posix.environ.get(b'PATH'), proc(),
                      os.environ.get('GIVEN'), os.getenv('GIVEN'), posix.environ.get(b'GIVEN'))
                """;
        String js = "console.log(process.env.PATH, process.env.HOME, 'PATH' in process.env, process.env.GIVEN)";
        java.util.Map<String, String> given = java.util.Map.of("GIVEN", "yes");
        ScriptResult closedPy = runner.run(ScriptRequest.ofText(PYTHON, py).withProfile(RunProfile.SANDBOX).withEnvironment(given).withWorkingDirectory(work));
        ScriptResult closedJs = runner.run(ScriptRequest.ofText(JAVASCRIPT, js).withProfile(RunProfile.SANDBOX).withEnvironment(given));
        SandboxPolicy open = SandboxPolicy.CLOSED.allowEnvironment();
        ScriptResult openPy = runner.run(ScriptRequest.ofText(PYTHON, py).withEnvironment(given).withSandbox(open).withWorkingDirectory(work));
        ScriptResult openJs = runner.run(ScriptRequest.ofText(JAVASCRIPT, js).withEnvironment(given).withSandbox(open));
        Reliability.record(AREA, "read the host's environment (os.environ, os.getenv, posix.environ, /proc/self/environ; process.env)"
                        + " with variables of its own given", "both",
                "only the given variables; the host's with allowEnvironment (--inherit-env), /proc never",
                "closed: Python " + closedPy.stdout() + ", JavaScript " + closedJs.stdout() + "; open: Python "
                        + openPy.stdout().stream().map(l -> l.replace(String.valueOf(System.getenv("PATH")), "<PATH>")
                        .replace(String.valueOf(System.getenv("HOME")), "<HOME>")).toList()
                        + ", JavaScript " + openJs.stdout().stream().map(l -> l.replace(String.valueOf(System.getenv("PATH")), "<PATH>")
                        .replace(String.valueOf(System.getenv("HOME")), "<HOME>")).toList());
        assertEquals(List.of("None None None PermissionError yes yes b'yes'"), closedPy.stdout());
        assertEquals(List.of("undefined undefined false yes"), closedJs.stdout());
        assertEquals(List.of(System.getenv("PATH") + " " + System.getenv("HOME") + " b'" + System.getenv("PATH")
                + "' PermissionError yes yes b'yes'"), openPy.stdout());
        assertEquals(List.of(System.getenv("PATH") + " " + System.getenv("HOME") + " true yes"), openJs.stdout());
    }

    @Test
    void allowWriteOpensTheWorkingDirectoryOnly() throws IOException {
        String script = """
                import os, shutil
                open('made.txt', 'w').write('x')
                os.mkdir('sub')
                open('sub/inner.txt', 'w').write('y')
                shutil.move('sub/inner.txt', 'sub/moved.txt')  # os.rename: GraalVM's wrapper has no atomic move
                os.remove('made.txt')
                def attempt(label, action):
                    try:
                        action()
                        print(label, 'allowed')
                    except OSError as e:
                        print(label, 'refused', type(e).__name__)
                attempt('outside', lambda: open(EVIL, 'w').write('x'))
                attempt('through a link', lambda: open('out/evil.txt', 'w').write('x'))
                attempt('parent', lambda: open('../evil.txt', 'w').write('x'))
                """.replace("EVIL", "'" + root.resolve("evil.txt") + "'");
        ScriptResult result = runner.run(ScriptRequest.ofText(PYTHON, script).withWorkingDirectory(work)
                .withSandbox(SandboxPolicy.CLOSED.allowWrite()));
        Reliability.record(AREA, "with allowWrite: create, mkdir, shutil.move, delete inside; write outside, through a link, to ..",
                "Python", "inside allowed; every way out refused with PermissionError",
                result.status() + ", " + String.join("; ", result.stdout()));
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        assertEquals(List.of("outside refused PermissionError", "through a link refused PermissionError",
                "parent refused PermissionError"), result.stdout());
        assertTrue(Files.exists(work.resolve("sub/moved.txt")));
        assertFalse(Files.exists(work.resolve("made.txt")));
        assertFalse(Files.exists(root.resolve("evil.txt")));
        Files.delete(work.resolve("sub/moved.txt"));
        Files.delete(work.resolve("sub"));
    }

    @Test
    void allowThreadsLetsPythonStartThreads() {
        ScriptResult result = runner.run(ScriptRequest.ofText(PYTHON, """
                import threading
                out = []
                t = threading.Thread(target=lambda: out.append('from a thread'))
                t.start(); t.join()
                print(out[0])
                """).withSandbox(SandboxPolicy.CLOSED.allowThreads()));
        Reliability.record(AREA, "threading.Thread(...).start() with allowThreads", "Python", "runs",
                result.status() + ", " + result.stdout());
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        assertEquals(List.of("from a thread"), result.stdout());
    }

    private static void servesTheNextScript(GuestLanguage language) {
        ScriptResult next = runner.run(ScriptRequest.ofText(language,
                language == PYTHON ? "print('next')" : "console.log('next')").withProfile(RunProfile.SANDBOX));
        assertEquals(ScriptStatus.SUCCESS, next.status(), () -> "next script: " + next.failure());
        assertEquals(List.of("next"), next.stdout());
    }

    static String language(GuestLanguage language) {
        return language == PYTHON ? "Python" : "JavaScript";
    }
}
