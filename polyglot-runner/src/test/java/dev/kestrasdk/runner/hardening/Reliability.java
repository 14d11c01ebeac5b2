package dev.kestrasdk.runner.hardening;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what each hardening test tried and what happened, one row per attack or fault, into
 * {@code target/reliability/<TestClass>.tsv}; {@link ReliabilityReport} turns the rows into docs/reliability.md.
 * A row is written after its test, with the test's verdict: {@code held} when the test passed, {@code BROKEN}
 * and the assertion message when it failed, so the document can only say what the tests saw.
 */
public final class Reliability implements BeforeAllCallback, AfterTestExecutionCallback {
    static final Path DIR = Path.of("target", "reliability");
    private static final List<String[]> PENDING = new ArrayList<>();

    /**
     * @param area     the section of the report (Sandbox, Runaway scripts, Memory, Console, Concurrency)
     * @param attack   what was tried
     * @param language Python, JavaScript, both, or the host
     * @param expected what the runner must do
     * @param observed what it did, as measured
     */
    public static synchronized void record(String area, String attack, String language, String expected,
                                           String observed) {
        PENDING.add(new String[]{area, attack, language, expected, observed});
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Files.createDirectories(DIR);
        Files.deleteIfExists(file(context));
        synchronized (Reliability.class) {
            PENDING.clear();
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        String verdict = context.getExecutionException().map(e -> "BROKEN: " + e.getMessage()).orElse("held");
        String test = context.getRequiredTestClass().getSimpleName() + "#" + context.getRequiredTestMethod().getName();
        StringBuilder out = new StringBuilder();
        synchronized (Reliability.class) {
            for (String[] row : PENDING) {
                for (String cell : row) {
                    out.append(clean(cell)).append('\t');
                }
                out.append(clean(verdict)).append('\t').append(test).append('\n');
            }
            PENDING.clear();
        }
        try {
            Files.writeString(file(context), out, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path file(ExtensionContext context) {
        return DIR.resolve(context.getRequiredTestClass().getSimpleName() + ".tsv");
    }

    private static String clean(String cell) {
        String s = String.valueOf(cell).replace('\t', ' ').replace("\r", "\\r").replace("\n", "\\n");
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}
