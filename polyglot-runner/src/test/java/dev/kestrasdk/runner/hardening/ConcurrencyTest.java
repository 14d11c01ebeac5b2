package dev.kestrasdk.runner.hardening;

import dev.kestrasdk.protocol.Metric;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.SharedRunner;
import dev.kestrasdk.runner.TestLanguages;
import dev.kestrasdk.runner.language.GuestLanguage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Many scripts at once on one runner: each result holds exactly what its own script reported. */
@ExtendWith(Reliability.class)
class ConcurrencyTest {
    private static final int SCRIPTS = 40;
    private static final int THREADS = 8;
    private static final int LINES = 50;
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    static String script(int id) {
        if (id % 2 == 0) {
            return """
                    import sys
                    from kestra import Kestra
                    for j in range(%2$d):
                        print(f's%1$d line {j}')
                        print(f's%1$d err {j}', file=sys.stderr)
                        Kestra.counter('c%1$d', j, {'script': '%1$d'})
                    Kestra.outputs({'id': %1$d, 'token': 'tok-%1$d'})
                    Kestra.timer('t%1$d', 0.5)
                    """.formatted(id, LINES);
        }
        return """
                const Kestra = require('@kestra-io/libs');
                for (let j = 0; j < %2$d; j++) {
                  console.log('s%1$d line ' + j);
                  console.error('s%1$d err ' + j);
                  Kestra.counter('c%1$d', j, {script: '%1$d'});
                }
                Kestra.outputs({id: %1$d, token: 'tok-%1$d'});
                Kestra.timer('t%1$d', 0.5);
                """.formatted(id, LINES);
    }

    @Test
    void fortyMixedScriptsOnEightThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        List<Future<ScriptResult>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < SCRIPTS; i++) {
                GuestLanguage language = i % 2 == 0 ? TestLanguages.PYTHON : TestLanguages.JAVASCRIPT;
                String text = script(i);
                futures.add(pool.submit(() -> runner.run(ScriptRequest.ofText(language, text))));
            }
            int exact = 0;
            int lines = 0;
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < SCRIPTS; i++) {
                ScriptResult r = futures.get(i).get();
                String counter = "c" + i;
                Map<String, String> tags = Map.of("script", String.valueOf(i));
                List<String> expectedOut = new ArrayList<>();
                List<String> expectedErr = new ArrayList<>();
                for (int j = 0; j < LINES; j++) {
                    expectedOut.add("s" + i + " line " + j);
                    expectedErr.add("s" + i + " err " + j);
                }
                List<String> out = r.stdout().stream().filter(l -> !l.startsWith("::")).toList();
                List<String> metricNames = r.metrics().stream().map(Metric::name).distinct().toList();
                boolean ok = r.status() == ScriptStatus.SUCCESS && out.equals(expectedOut) && r.stderr().equals(expectedErr)
                        && r.outputs().equals(Map.of("id", i, "token", "tok-" + i)) && r.metrics().size() == LINES + 1
                        && metricNames.equals(List.of("c" + i, "t" + i))
                        && r.metrics().stream().filter(m -> m.name().equals(counter)).allMatch(m -> m.tags().equals(tags));
                lines += r.stdout().size() + r.stderr().size();
                if (ok) {
                    exact++;
                } else {
                    wrong.add("script " + i + ": " + r.status() + " " + r.failure() + " outputs " + r.outputs() + " metrics " + metricNames);
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            Reliability.record("Concurrency", SCRIPTS + " scripts (Python and JavaScript alternating) on " + THREADS
                            + " threads, one runner; each prints " + LINES + " stdout and " + LINES + " stderr lines, "
                            + (LINES + 1) + " metrics and outputs unique to it", "both",
                    "each result holds exactly its own lines, outputs and metrics, none lost or interleaved",
                    exact + "/" + SCRIPTS + " results exact, " + lines + " lines in all, " + millis + " ms"
                            + (wrong.isEmpty() ? "" : "; wrong: " + wrong));
            assertEquals(List.of(), wrong);
        } finally {
            pool.shutdownNow();
        }
    }
}
