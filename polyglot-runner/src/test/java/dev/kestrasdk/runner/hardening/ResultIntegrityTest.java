package dev.kestrasdk.runner.hardening;

import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.SharedRunner;
import dev.kestrasdk.runner.language.GuestLanguage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static dev.kestrasdk.runner.TestLanguages.JAVASCRIPT;
import static dev.kestrasdk.runner.TestLanguages.PYTHON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What a script reports cannot be falsified by the runner's own arithmetic, nor lost after the runner closes. */
@ExtendWith(Reliability.class)
class ResultIntegrityTest {
    private static final String AREA = "Console";
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    @Test
    void exitStatusesKeepTheirLowEightBitsAsAProcessDoes() {
        int[][] cases = {{256, 0}, {257, 1}, {-1, 255}, {255, 255}};
        for (GuestLanguage language : new GuestLanguage[]{PYTHON, JAVASCRIPT}) {
            StringBuilder observed = new StringBuilder();
            for (int[] c : cases) {
                String script = language == PYTHON ? "import sys\nsys.exit(" + c[0] + ")" : "process.exit(" + c[0] + ");";
                ScriptResult r = runner.run(ScriptRequest.ofText(language, script));
                observed.append(c[0]).append(" -> ").append(r.status()).append(' ').append(r.exitCode()).append("; ");
                assertEquals(c[1] == 0 ? ScriptStatus.SUCCESS : ScriptStatus.FAILED, r.status(), script);
                assertEquals(c[1], r.exitCode(), script);
                if (c[1] == 0) {
                    assertNull(r.failure(), script);
                } else {
                    assertEquals("SystemExit", r.failure().type());
                    assertEquals(c[0] == c[1] ? "exit code " + c[1] : "exit code " + c[1] + " (exit(" + c[0]
                            + "), kept to 8 bits as a process's status is)", r.failure().message());
                }
            }
            Reliability.record(AREA, (language == PYTHON ? "sys.exit" : "process.exit") + "(256), (257), (-1), (255)",
                    SandboxAttackTest.language(language),
                    "the exit status a process would have (code & 0xFF): SUCCESS 0, FAILED 1, FAILED 255, FAILED 255",
                    observed.toString().trim());
        }
    }

    @Test
    void systemErrStillWritesAfterARunnerCloses() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ScriptRunner other = new ScriptRunner(); // its engine logs to the System.err of now: the capture
            other.run(ScriptRequest.ofText(JAVASCRIPT, "1"));
            other.close();
            System.err.println("after close");
            System.err.flush();
        } finally {
            System.setErr(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        Reliability.record(AREA, "System.err written after ScriptRunner.close()", "host",
                "still written (the engine's log stream is closed, System.err is not)", "captured: " + text.strip());
        assertEquals("after close\n", text);
    }
}
