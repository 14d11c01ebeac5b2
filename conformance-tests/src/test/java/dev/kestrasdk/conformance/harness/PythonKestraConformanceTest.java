package dev.kestrasdk.conformance.harness;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PyPI {@code kestra} 2.0.0 on CPython, against known-deviations/python-kestra.txt. */
class PythonKestraConformanceTest extends UpstreamAdapterTest {
    @Override
    String adapter() {
        return "python";
    }

    @Test
    void mainDeviationsHaveTheirReasons() {
        assertEquals(0, run.count(Level.CANONICAL, Verdict.Result.PASS), "json.dumps's spaces make every line non-canonical");
        assertTrue(kestra("float-nan-refused").reason().startsWith("Kestra would reject line 1: [invalid-json] Non-standard token 'NaN'"),
                kestra("float-nan-refused").reason());
        assertTrue(kestra("log-level-info").reason().matches("log entry 1: expected INFO \"hello\", got INFO \"\\d{4}-.*Z - hello\""),
                kestra("log-level-info").reason());
        assertEquals(Verdict.PASS, kestra("outputs-empty-map"));
        assertEquals("line 1 differs at column 14: expected `{}}::`, got ` {}}::`", canonical("outputs-empty-map").reason());
    }
}
