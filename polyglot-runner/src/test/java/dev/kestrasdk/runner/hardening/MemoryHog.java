package dev.kestrasdk.runner.hardening;

import dev.kestrasdk.runner.TestLanguages;
import dev.kestrasdk.runner.language.GuestLanguage;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.sandbox.SandboxPolicy;

import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs in a child JVM with a small heap ({@link MemoryLimitTest}): a Python and a JavaScript script that
 * allocate without bound, each followed by an ordinary script; a JavaScript script filling ArrayBuffers and one
 * asking for a SharedArrayBuffer (off the heap); a Python hog on a thread it started and one on its own thread,
 * each beside a well-behaved script; and prints one tab-separated line per run:
 * {@code RUN label status type duration-ms outputs stdout-lines heap-max-MB message}.
 */
public final class MemoryHog {
    static final String PYTHON_HOG = """
            from kestra import Kestra
            Kestra.outputs({'started': True})
            Kestra.counter('rows', 1)
            x = []
            while True:
                x.append('a' * 10**6)
            """;
    static final String JS_HOG = """
            const Kestra = require('@kestra-io/libs');
            Kestra.outputs({started: true});
            Kestra.counter('rows', 1);
            const x = [];
            for (let i = 0; ; i++) x.push(new Array(250000).fill(i));
            """;

    static final String JS_ARRAY_BUFFER_HOG = """
            const Kestra = require('@kestra-io/libs');
            Kestra.outputs({started: true});
            Kestra.counter('rows', 1);
            const x = [];
            for (;;) x.push(new ArrayBuffer(1 << 20));
            """;
    // Run with threads allowed: the memory is allocated on a thread the script started, not on the script's own.
    static final String PYTHON_THREAD_HOG = """
            from kestra import Kestra
            import threading
            Kestra.outputs({'started': True})
            Kestra.counter('rows', 1)
            def hog():
                x = []
                while True:
                    x.append('a' * 10**6)
            t = threading.Thread(target=hog, daemon=True)
            t.start()
            t.join()
            """;

    // Run with threads allowed: a thread it started holds %d MB (the heap then between the lower limit for scripts
    // with threads and the limit) for 8 s, and the script ends by itself.
    static final String PYTHON_THREAD_HOLDER = """
            from kestra import Kestra
            import threading, time
            Kestra.outputs({'started': True})
            Kestra.counter('rows', 1)
            held = []
            def hold():
                for i in range(%d):
                    held.append('a' * 10**6)
                time.sleep(8)
            t = threading.Thread(target=hold, daemon=True)
            t.start()
            t.join()
            """;

    // Runs until the hog beside it has ended, so both are running when the watchdog chooses. It first allocates
    // 250 MB of garbage on its own thread: more than the hog's own thread allocates, far less than the hog's thread.
    static final String PATIENT = """
            import os, time
            from kestra import Kestra
            for i in range(250):
                garbage = 'x' * 10**6
            print('waiting', flush=True)
            kept = []
            for i in range(1200):
                if os.path.exists('hog-ended'):
                    break
                kept.append('x' * 1000)
                time.sleep(0.1)
            Kestra.outputs({'finished': True})
            """;

    static final String INNOCENT = """
            const Kestra = require('@kestra-io/libs');
            const start = Date.now();
            let kept = [];
            for (let round = 0; Date.now() - start < 4000; round++) {
              kept.push(new Array(1000).fill(round));
              if (kept.length > 500) kept = [];
            }
            Kestra.outputs({finished: true});
            """;

    public static void main(String[] args) {
        try (ScriptRunner runner = new ScriptRunner()) {
            run(runner, "warm-up python", TestLanguages.PYTHON, "print('ok')");
            run(runner, "python hog", TestLanguages.PYTHON, PYTHON_HOG);
            run(runner, "python after", TestLanguages.PYTHON, "from kestra import Kestra\nKestra.outputs({'after': 1})");
            run(runner, "javascript hog", TestLanguages.JAVASCRIPT, JS_HOG);
            run(runner, "javascript after", TestLanguages.JAVASCRIPT,
                    "const Kestra = require('@kestra-io/libs');\nKestra.outputs({after: 1});");
            run(runner, "javascript ArrayBuffer hog", TestLanguages.JAVASCRIPT, JS_ARRAY_BUFFER_HOG);
            run(runner, "javascript SharedArrayBuffer", TestLanguages.JAVASCRIPT, "new SharedArrayBuffer(1 << 30);");
            threadHogBesideAWaitingScript(runner);
            threadHolderBetweenTheLimits(runner);
            besideAnInnocentScript(runner, "python hog beside another script", SandboxPolicy.CLOSED, PYTHON_HOG,
                    "javascript beside the hog");
        }
        System.out.println("DONE");
        System.exit(0);
    }

    /** The thread hog starts once the patient script runs, and the patient one ends after the hog. */
    private static void threadHogBesideAWaitingScript(ScriptRunner runner) {
        Path dir;
        try {
            dir = Files.createTempDirectory("kestra-memory-hog");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CountDownLatch waiting = new CountDownLatch(1);
        Thread patient = new Thread(() -> report("python beside the thread hog", () -> runner.run(
                ScriptRequest.ofText(TestLanguages.PYTHON, PATIENT).withWorkingDirectory(dir)
                        .withTimeout(Duration.ofSeconds(150)).withListener((stream, line) -> waiting.countDown()))));
        patient.start();
        try {
            waiting.await(60, TimeUnit.SECONDS);
            run(runner, "python hog on a thread it started", TestLanguages.PYTHON, PYTHON_THREAD_HOG,
                    SandboxPolicy.CLOSED.allowThreads());
            Files.writeString(dir.resolve("hog-ended"), "");
            patient.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A script allowed threads whose thread brings the heap halfway between the lower limit for such scripts and the
     * limit (what the JVM holds before it is measured after a full collection).
     */
    private static void threadHolderBetweenTheLimits(ScriptRunner runner) {
        System.gc();
        long baseMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        long maxMb = Runtime.getRuntime().maxMemory() >> 20;
        long limitMb = maxMb * 7 / 10;
        long threadsLimitMb = limitMb - (maxMb - limitMb) / 2;
        long holdMb = (threadsLimitMb + limitMb) / 2 - baseMb;
        System.out.println("HOLDER\t" + baseMb + "\t" + holdMb);
        run(runner, "python thread holding memory between the limits", TestLanguages.PYTHON,
                PYTHON_THREAD_HOLDER.formatted(holdMb, holdMb), SandboxPolicy.CLOSED.allowThreads());
    }

    /** A Python hog next to a well-behaved script: only the hog may be stopped. */
    private static void besideAnInnocentScript(ScriptRunner runner, String hogLabel, SandboxPolicy hogSandbox,
                                               String hogScript, String innocentLabel) {
        Thread hog = new Thread(() -> run(runner, hogLabel, TestLanguages.PYTHON, hogScript, hogSandbox));
        hog.start();
        run(runner, innocentLabel, TestLanguages.JAVASCRIPT, INNOCENT);
        try {
            hog.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(ScriptRunner runner, String label, GuestLanguage language, String script) {
        run(runner, label, language, script, SandboxPolicy.CLOSED);
    }

    private static void run(ScriptRunner runner, String label, GuestLanguage language, String script,
                            SandboxPolicy sandbox) {
        report(label, () -> runner.run(ScriptRequest.ofText(language, script).withTimeout(Duration.ofSeconds(60))
                .withSandbox(sandbox)));
    }

    private static void report(String label, Supplier<ScriptResult> run) {
        ScriptResult r;
        try {
            r = run.get();
        } catch (Throwable e) {
            System.out.println("RUN\t" + label + "\tTHREW\t" + e.getClass().getSimpleName() + "\t0\t{}\t0\t"
                    + (Runtime.getRuntime().maxMemory() >> 20) + "\t" + e.getMessage());
            return;
        }
        System.out.println(String.join("\t", "RUN", label, r.status().name(),
                r.failure() == null ? "-" : r.failure().type(), String.valueOf(r.duration().toMillis()),
                r.outputs().toString(), String.valueOf(r.metrics().size()),
                String.valueOf(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() >> 20),
                r.failure() == null ? "-" : r.failure().message().replace('\n', ' ').replace('\t', ' ')));
        System.out.flush();
    }
}
