package dev.kestrasdk.cli.process;

import dev.kestrasdk.runner.GuestFrame;
import dev.kestrasdk.runner.ScriptFailure;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The failure {@code exec} reads from what CPython and Node print on standard error (as printed by CPython 3.11, Node 20). */
class TracebackReaderTest {
    private static final Path DIR = Path.of("/work/job");
    private static final TracebackReader READER = new TracebackReader(DIR.resolve("job.py"), DIR);

    @Test
    void cpythonsTracebackGivesTypeMessageFramesAndTheScriptsLine() {
        ScriptFailure f = READER.failure(List.of(
                "starting",
                "Traceback (most recent call last):",
                "  File \"/work/job/job.py\", line 4, in <module>",
                "    main()",
                "  File \"job.py\", line 3, in main",
                "    json.loads(\"{\")",
                "  File \"/usr/lib/python3.11/json/__init__.py\", line 346, in loads",
                "    return _default_decoder.decode(s)",
                "           ^^^^^^^^^^^^^^^^^^^^^^^^^^",
                "json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"), 1);
        assertEquals(new ScriptFailure("json.decoder.JSONDecodeError",
                "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)", 3, List.of(
                new GuestFrame("loads", "/usr/lib/python3.11/json/__init__.py", 346),
                new GuestFrame("main", "job.py", 3),
                new GuestFrame("<module>", "/work/job/job.py", 4))), f);
    }

    @Test
    void theLastOfChainedTracebacksIsTheFailure() {
        ScriptFailure f = READER.failure(List.of(
                "Traceback (most recent call last):",
                "  File \"/work/job/job.py\", line 2, in <module>",
                "KeyError: 'rows'",
                "",
                "During handling of the above exception, another exception occurred:",
                "",
                "Traceback (most recent call last):",
                "  File \"/work/job/job.py\", line 4, in <module>",
                "ValueError"), 1);
        assertEquals(new ScriptFailure("ValueError", "", 4, List.of(new GuestFrame("<module>", "/work/job/job.py", 4))), f);
    }

    @Test
    void aSyntaxErrorHasOneFrameAndNoHeader() {
        ScriptFailure f = READER.failure(List.of(
                "  File \"/work/job/job.py\", line 1",
                "    def (",
                "        ^",
                "SyntaxError: invalid syntax"), 1);
        assertEquals(new ScriptFailure("SyntaxError", "invalid syntax", 1, List.of(new GuestFrame("<module>", "/work/job/job.py", 1))), f);
    }

    @Test
    void nodesUncaughtErrorGivesTypeMessageFramesAndTheScriptsLine() {
        TracebackReader reader = new TracebackReader(DIR.resolve("job.mjs"), DIR);
        ScriptFailure f = reader.failure(List.of(
                "file:///work/job/job.mjs:1",
                "function inner() { throw new TypeError(\"no rows\"); }",
                "                   ^",
                "",
                "TypeError: no rows",
                "    at inner (file:///work/job/job.mjs:1:26)",
                "    at file:///work/job/job.mjs:2:1",
                "    at ModuleJob.run (node:internal/modules/esm/module_job:234:25)",
                "",
                "Node.js v20.20.2"), 1);
        assertEquals(new ScriptFailure("TypeError", "no rows", 1, List.of(
                new GuestFrame("inner", "/work/job/job.mjs", 1),
                new GuestFrame("<anonymous>", "/work/job/job.mjs", 2),
                new GuestFrame("ModuleJob.run", "node:internal/modules/esm/module_job", 234))), f);
    }

    @Test
    void withoutATracebackTheFailureIsTheExitCode() {
        assertEquals(new ScriptFailure("Exit", "the program exited with code 3", 0, List.of()),
                READER.failure(List.of("no input", "Error: this is not followed by frames"), 3));
        assertEquals(new ScriptFailure("Exit", "the program exited with code 2", 0, List.of()),
                READER.failure(List.of(), 2));
    }

    @Test
    void withoutAScriptTheLineIsZero() {
        ScriptFailure f = new TracebackReader(null, DIR).failure(List.of(
                "Traceback (most recent call last):",
                "  File \"<string>\", line 1, in <module>",
                "ZeroDivisionError: division by zero"), 1);
        assertEquals(new ScriptFailure("ZeroDivisionError", "division by zero", 0, List.of(new GuestFrame("<module>", "<string>", 1))), f);
    }
}
