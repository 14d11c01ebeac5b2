package dev.kestrasdk.cli;

import dev.kestrasdk.cli.jvm.JvmScriptProcess;
import dev.kestrasdk.parse.LineParser;
import dev.kestrasdk.runner.ConsoleListener;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.engine.ScriptInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code .java} scripts: their inputs are JSON, their console goes through the runner's capture, a timeout is 124. */
class JvmScriptTest {
    @TempDir
    Path dir;

    private Path script(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    // nested values, a string with quotes, a newline and non-ASCII, the numbers 1, 1.0 and 2^70
    private static final String[] INPUTS = {"--input", "cfg={\"a\":[1,2],\"b\":{\"c\":null}}", "--input", "s=say \"h\u00e9\"\nbye \u20ac",
            "--input", "one=1", "--input", "onePointZero=1.0", "--input", "big=1180591620717411303424", "--input", "word=plain text"};

    @Test
    void argumentsAreMainsArgsAndEnvAddsToTheChildsEnvironment() throws Exception {
        Path java = script("Args.java", """
                public class Args {
                    public static void main(String[] args) {
                        System.out.println(String.join("|", args));
                        System.out.println(System.getenv("GIVEN"));
                    }
                }
                """);
        CliRun r = CliRun.of("run", java.toString(), "--env", "GIVEN=yes", "--", "--num", "7", "two words", "été");
        assertEquals(ExitCodes.OK, r.exit(), r.err() + r.out());
        assertTrue(r.out().startsWith("--num|7|two words|été\nyes\n"), r.out());
    }

    @Test
    void aJavaScriptReceivesItsInputsAsTheJsonOtherScriptsGet() throws Exception {
        Path java = script("Inputs.java", """
                public class Inputs {
                    public static void main(String[] args) {
                        System.out.println(System.getProperty("kestra.inputs"));
                        for (String name : new String[]{"cfg", "s", "one", "onePointZero", "big", "word"}) {
                            System.out.println(name + " " + System.getProperty("kestra.input." + name));
                        }
                    }
                }
                """);
        CliRun r = CliRun.of(concat(new String[]{"run", java.toString(), "--json"}, INPUTS));
        assertEquals(ExitCodes.OK, r.exit(), r.err() + r.out());
        String all = "{\"big\":1180591620717411303424,\"cfg\":{\"a\":[1,2],\"b\":{\"c\":null}},\"one\":1,\"onePointZero\":1.0,"
                + "\"s\":\"say \\\"h\\u00e9\\\"\\nbye \\u20ac\",\"word\":\"plain text\"}";
        assertTrue(r.out().contains("\"stdout\":[" + jsonString(all) + ","
                + jsonString("cfg {\"a\":[1,2],\"b\":{\"c\":null}}") + ","
                + jsonString("s \"say \\\"h\\u00e9\\\"\\nbye \\u20ac\"") + ","
                + "\"one 1\",\"onePointZero 1.0\",\"big 1180591620717411303424\","
                + jsonString("word \"plain text\"") + "]"), r.out());

        // the same text JavaScript's JSON.parse reads and Python's dict is built from
        Map<String, Object> inputs = InputOptions.collect(null, List.of(INPUTS[1], INPUTS[3], INPUTS[5], INPUTS[7], INPUTS[9], INPUTS[11]));
        assertEquals(all, ScriptInputs.of(inputs).json());

        Path py = script("inputs.py", """
                print(inputs['big'] == 2**70, type(inputs['onePointZero']).__name__, inputs['one'], inputs['cfg'], repr(inputs['s']))
                """);
        CliRun p = CliRun.of(concat(new String[]{"run", py.toString()}, INPUTS));
        assertEquals(ExitCodes.OK, p.exit(), p.err() + p.out());
        assertTrue(p.out().startsWith("True float 1 {'a': [1, 2], 'b': {'c': None}} 'say \"h\u00e9\"\\nbye \u20ac'\n"), p.out());
    }

    @Test
    void aJavaScriptThatRunsPastItsTimeoutExitsWith124() throws Exception {
        Path java = script("Loop.java", """
                public class Loop {
                    public static void main(String[] args) throws Exception {
                        System.out.println("::{\\"outputs\\":{\\"started\\":true}}::");
                        Thread.sleep(600_000);
                    }
                }
                """);
        CliRun r = CliRun.of("run", java.toString(), "--timeout", "15s", "--json");
        assertEquals(124, r.exit(), r.out());
        assertEquals(ExitCodes.TIMED_OUT, r.exit());
        assertTrue(r.out().contains("\"exitCode\":124,"), r.out());
        assertTrue(r.out().contains("\"outputs\":{\"started\":true}"), r.out());
        assertTrue(r.out().contains("\"status\":\"TIMED_OUT\","), r.out());
    }

    @Test
    void aLineOverTheLimitIsCutAndAProtocolLineAmongThemIsNotRead() throws Exception {
        Path java = script("LongLine.java", """
                public class LongLine {
                    public static void main(String[] args) {
                        System.out.print("::{\\"outputs\\":{\\"a\\":\\"" + "x".repeat(%d) + "\\"}}::\\r\\n");
                        System.out.println("::{\\"outputs\\":{\\"b\\":2}}::");
                    }
                }
                """.formatted(LineParser.DEFAULT_MAX_LINE_CHARS));
        ScriptResult r = new JvmScriptProcess().run(java, ScriptInputs.of(Map.of()), null, ConsoleListener.NONE);
        assertEquals(ScriptStatus.SUCCESS, r.status(), r.stderr().toString());
        assertEquals(2, r.stdout().size());
        assertEquals(LineParser.DEFAULT_MAX_LINE_CHARS, r.stdout().get(0).length());
        assertEquals(Map.of("b", 2), r.outputs());
        assertEquals(1, r.problems().size());
        assertEquals("line of 67108888 characters is longer than this parser's limit of 67108864 (Kestra has none): not read",
                r.problems().get(0).diagnostics().get(0).message());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** A JSON string literal as the --json report writes it (the canonical encoder). */
    private static String jsonString(String s) {
        return dev.kestrasdk.internal.wire.WireEncoder.json(s);
    }
}
