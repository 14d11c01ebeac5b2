package dev.kestrasdk.runner.hardening;

import dev.kestrasdk.runner.ConsoleStream;
import dev.kestrasdk.runner.TestLanguages;
import dev.kestrasdk.runner.language.GuestLanguage;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;

import java.time.Duration;

/**
 * Runs in a child JVM ({@link SignalAttackTest}): a Python script that tries to make the JVM ignore SIGTERM and
 * SIGINT, prints what it got and {@code READY}, then sleeps for a minute; the parent sends SIGTERM. Its lines
 * are echoed as they come.
 */
public final class SignalChild {
    static final String SCRIPT = """
            import signal, time
            for sig in (signal.SIGTERM, signal.SIGINT):
                try:
                    signal.signal(sig, signal.SIG_IGN)
                    print('ignored', sig.name)
                except PermissionError as e:
                    print('refused', sig.name)
            print('READY', flush=True)
            time.sleep(60)
            print('slept through SIGTERM')
            """;

    public static void main(String[] args) {
        try (ScriptRunner runner = new ScriptRunner()) {
            ScriptResult result = runner.run(ScriptRequest.ofText(TestLanguages.PYTHON, SCRIPT)
                    .withTimeout(Duration.ofSeconds(90))
                    .withListener((stream, line) -> {
                        if (stream == ConsoleStream.STDOUT) {
                            System.out.println(line);
                            System.out.flush();
                        }
                    }));
            System.out.println("RESULT " + result.status());
        }
    }
}
