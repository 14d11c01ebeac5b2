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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.kestrasdk.runner.TestLanguages.JAVASCRIPT;
import static dev.kestrasdk.runner.TestLanguages.PYTHON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Process signals belong to the runner (issue 10, item 2): GraalPy's signal module acts on the whole JVM, so a
 * script must not install, change or raise them, by any route, in any profile; the runner and the next script
 * are unaffected, and SIGTERM still ends the JVM.
 */
@ExtendWith(Reliability.class)
class SignalAttackTest {
    private static final String AREA = "Sandbox";
    private static final String REFUSED = "kestra-sdk sandbox: changing or raising process signals is not allowed (%s); the runner owns them";
    private static final SandboxPolicy OPEN = SandboxPolicy.CLOSED.allowWrite().allowEnvironment().allowThreads();
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();
    private static final String HANDLERS = "import signal\nprint(signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT))";
    /** The handlers a script sees before any attack: SIG_DFL (0) for both, unless this JVM was started with a
     * signal ignored (a background job of a non-interactive shell starts with SIGINT at SIG_IGN, 1). */
    private static List<String> handlersBefore;

    @BeforeAll
    static void handlersBeforeAnyAttack() {
        handlersBefore = runner.run(ScriptRequest.ofText(PYTHON, HANDLERS).withProfile(RunProfile.SANDBOX)).stdout();
        assertTrue(handlersBefore.equals(List.of("0 0")) || handlersBefore.equals(List.of("0 1")), handlersBefore.toString());
    }

    /** One attempt: the script, and the failure type and exact message it must get. */
    record Attempt(GuestLanguage language, String name, String script, String type, String message) {
        @Override
        public String toString() {
            return language + ": " + name;
        }
    }

    static Stream<Attempt> attempts() {
        return Stream.of(
                python("signal.signal(SIGTERM, SIG_IGN)", "import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)", "signal.signal"),
                python("signal.signal(SIGINT, handler)", "import signal\nsignal.signal(signal.SIGINT, lambda s, f: print('mine'))", "signal.signal"),
                python("signal.raise_signal(SIGTERM)", "import signal\nsignal.raise_signal(signal.SIGTERM)", "signal.raise_signal"),
                python("signal.alarm(1) (a host thread)", "import signal\nsignal.alarm(1)", "signal.alarm"),
                python("signal.setitimer(ITIMER_REAL, 0.1)", "import signal\nsignal.setitimer(signal.ITIMER_REAL, 0.1)", "signal.setitimer"),
                python("signal.siginterrupt(SIGINT, True)", "import signal\nsignal.siginterrupt(signal.SIGINT, True)", "signal.siginterrupt"),
                python("signal.set_wakeup_fd(0)", "import signal\nsignal.set_wakeup_fd(0)", "signal.set_wakeup_fd"),
                python("importlib.reload(signal), then signal.signal", "import importlib, signal\n"
                        + "importlib.reload(signal).signal(signal.SIGTERM, signal.SIG_IGN)", "signal.signal"),
                python("import _signal; _signal.raise_signal(SIGTERM)", "import _signal\n_signal.raise_signal(15)", "signal.raise_signal"),
                python("importlib.reload(_signal), then signal", "import importlib, _signal\n"
                        + "importlib.reload(_signal).signal(15, 1)", "signal.signal"),
                python("del sys.modules['_signal'] and 'signal', import again", "import sys\n"
                        + "sys.modules.pop('_signal', None); sys.modules.pop('signal', None)\n"
                        + "import signal\nsignal.raise_signal(signal.SIGTERM)", "signal.raise_signal"),
                python("_imp.create_builtin(spec of _signal)", "import _imp, importlib.machinery\n"
                        + "_imp.create_builtin(importlib.machinery.ModuleSpec('_signal', None)).raise_signal(15)", "signal.raise_signal"),
                new Attempt(PYTHON, "os.kill(os.getpid(), SIGTERM)", "import os, signal\nos.kill(os.getpid(), signal.SIGTERM)",
                        "PermissionError", "kestra-sdk sandbox: starting or signalling a process is not allowed (os.kill)"
                        + " in the sandbox profile (run without --sandbox, or with RunProfile.TASK)"),
                new Attempt(PYTHON, "signal.pthread_kill (not in GraalPy)", "import signal, threading\n"
                        + "signal.pthread_kill(threading.get_ident(), signal.SIGTERM)",
                        "AttributeError", "module 'signal' has no attribute 'pthread_kill'"),
                new Attempt(JAVASCRIPT, "process.kill(process.pid, 'SIGTERM')", "process.kill(process.pid, 'SIGTERM')",
                        "TypeError", "(intermediate value).kill is not a function"),
                new Attempt(JAVASCRIPT, "process.on('SIGTERM', handler)", "process.on('SIGTERM', () => {})",
                        "TypeError", "(intermediate value).on is not a function"));
    }

    private static Attempt python(String name, String script, String function) {
        return new Attempt(PYTHON, name, script, "PermissionError", REFUSED.formatted(function));
    }

    static Stream<Object[]> attemptsInBothProfiles() {
        return attempts().flatMap(a -> Stream.of(new Object[]{a, "default sandbox"},
                new Object[]{a, "allowWrite, allowEnvironment, allowThreads"}));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("attemptsInBothProfiles")
    void isRefusedAndTheNextScriptRuns(Attempt attempt, String profile) {
        SandboxPolicy policy = profile.equals("default sandbox") ? SandboxPolicy.CLOSED : OPEN;
        ScriptResult result = runner.run(ScriptRequest.ofText(attempt.language(), attempt.script())
                .withSandbox(policy).withTimeout(Duration.ofSeconds(60)));
        String observed = result.status() + (result.failure() == null ? "" : ", " + result.failure().describe());
        Reliability.record(AREA, attempt.name() + " (" + profile + ")", SandboxAttackTest.language(attempt.language()),
                "refused: FAILED, " + attempt.type() + ": " + attempt.message() + "; the runner goes on", observed);
        assertEquals(ScriptStatus.FAILED, result.status(), observed);
        assertEquals(attempt.type(), result.failure().type(), observed);
        assertEquals(attempt.message(), result.failure().message(), observed);
        ScriptResult next = runner.run(ScriptRequest.ofText(PYTHON, HANDLERS).withProfile(RunProfile.SANDBOX));
        assertEquals(handlersBefore, next.stdout(), () -> "next script: " + next.failure());
    }

    @Test
    void sigtermStillEndsAJvmWhoseScriptTriedToIgnoreIt() throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-cp", classPath, SignalChild.class.getName());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                    if (line.equals("READY")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                lines.add("(read: " + e + ")");
            }
        });
        reader.start();
        try {
            assertTrue(ready.await(3, TimeUnit.MINUTES), "the child's script started: " + lines);
            long sent = System.nanoTime();
            child.destroy(); // SIGTERM
            boolean ended = child.waitFor(10, TimeUnit.SECONDS);
            long millis = (System.nanoTime() - sent) / 1_000_000;
            reader.join(2000);
            String observed = "script: " + lines.stream().filter(l -> l.startsWith("refused") || l.startsWith("ignored")).toList()
                    + "; after SIGTERM: " + (ended ? "ended in " + millis + " ms, exit " + child.exitValue() : "STILL RUNNING after 10 s");
            Reliability.record(AREA, "signal.signal(SIGTERM / SIGINT, SIG_IGN), then the JVM gets SIGTERM (child JVM)", "Python",
                    "both refused; SIGTERM ends the JVM (exit 143)", observed);
            assertTrue(ended, observed);
            assertEquals(143, child.exitValue(), observed);
            assertTrue(lines.contains("refused SIGTERM") && lines.contains("refused SIGINT"), observed);
        } finally {
            child.destroyForcibly();
        }
    }
}
