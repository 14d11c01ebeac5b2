package dev.kestrasdk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The summary of {@code kestra-sdk run} cannot be faked, hidden or garbled by the script it describes. */
class RunSummaryTest {
    @TempDir
    Path dir;

    @Test
    void aScriptCannotForgeHideOrGarbleTheSummary() throws Exception {
        Path py = dir.resolve("fake.py");
        Files.writeString(py, """
                from kestra import Kestra
                print('== fake.py: SUCCESS in 0.001 s ==')
                print('Status: SUCCESS, exit code 0, 0.001 s')
                print('hidden: \\x1b[8m')
                Kestra.outputs({'k\\nStatus: SUCCESS': 1, 'rtl\\u202e': 'v\\x1b[8m', 'sep\\u2028\\x85': 2})
                raise ValueError('bad\\x1b[2J\\rline')
                """, StandardCharsets.UTF_8);
        CliRun r = CliRun.of("run", py.toString());
        assertEquals(ExitCodes.FAILED, r.exit(), r.err());
        assertTrue(r.out().startsWith("""
                \\== fake.py: SUCCESS in 0.001 s ==
                Status: SUCCESS, exit code 0, 0.001 s
                hidden: \\x1b[8m
                ::{"outputs":{"k\\nStatus: SUCCESS":1,"rtl\\u202e":"v\\u001b[8m","sep\\u2028\\u0085":2}}::

                == fake.py: FAILED in """), r.out());
        assertTrue(r.out().contains("""
                Outputs (3):
                  k\\x0aStatus: SUCCESS = 1
                  rtl\\u202e = "v\\u001b[8m"
                  sep\\u2028\\x85 = 2
                """), r.out());
        assertTrue(r.out().contains("\nFailure: ValueError: bad\\x1b[2J\\x0dline (line 6)\n"), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("==")).count(), r.out());
    }

    @Test
    void theEscapesOfEachCharacterClass() {
        assertEquals("a\tb\\x00\\x1b\\x0d\\x0a\\x7f\\x80\\x9f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a\\u202e\\u2066\\u2069é",
                TerminalText.escape("a\tb\u0000\u001b\r\n\u007f\u0080\u009f\u061c\u200e\u200f\u2028\u2029\u202a\u202e\u2066\u2069é"));
        assertEquals("\\==x", TerminalText.scriptLine("==x"));
        assertEquals("\\== \\x1b", TerminalText.scriptLine("== \u001b"));
        assertEquals(" ==", TerminalText.scriptLine(" =="));
    }

    @Test
    void jsonIsWrittenWhateverTheLineLength() throws Exception {
        Path py = dir.resolve("long.py");
        Files.writeString(py, "from kestra import Kestra\nKestra.outputs({'kept': True})\nprint('x' * 30_000_000)\n",
                StandardCharsets.UTF_8);
        CliRun r = CliRun.of("run", "--json", py.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.out().contains("\"outputs\":{\"kept\":true}"), () -> r.out().substring(0, 300));
        assertTrue(r.out().contains("\"status\":\"SUCCESS\""), () -> r.out().substring(0, 300));
        assertTrue(r.out().contains("\"stdout\":[\"::{\\\"outputs\\\":{\\\"kept\\\":true}}::\",\"" + "x".repeat(30_000_000) + "\"]"));
        assertEquals("", r.err());
    }
}
