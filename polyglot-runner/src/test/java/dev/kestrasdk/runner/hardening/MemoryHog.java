package dev.kestrasdk.runner.hardening;

import dev.kestrasdk.runner.TestLanguages;
import dev.kestrasdk.runner.language.GuestLanguage;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Runs in a child JVM with a small heap ({@link MemoryLimitTest}): a Python and a JavaScript script that
 * allocate without bound, each followed by an ordinary script, and prints one tab-separated line per run:
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
            // A hog next to a well-behaved script: only the hog is stopped.
            Thread hog = new Thread(() -> run(runner, "python hog beside another script", TestLanguages.PYTHON, PYTHON_HOG));
            hog.start();
            run(runner, "javascript beside the hog", TestLanguages.JAVASCRIPT, INNOCENT);
            try {
                hog.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        System.out.println("DONE");
        System.exit(0);
    }

    private static void run(ScriptRunner runner, String label, GuestLanguage language, String script) {
        ScriptResult r;
        try {
            r = runner.run(ScriptRequest.ofText(language, script).withTimeout(Duration.ofSeconds(60)));
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
