package dev.kestrasdk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The execution context read as Kestra's Python package reads it: same places, same keys, same messages. */
class ExecutionContextTest {
    private static final String JSON = """
            {"inputs": {"dataset": "orders.csv", "rows": 42, "big": 12345678901234567890, "ratio": 0.5, "dryRun": true,
                        "files": ["a", 2], "none": null},
             "vars": {"threshold": 42}, "outputs": {"extract": {"vars": {"uri": "kestra:///a.csv"}}},
             "labels": {"env": "prod"}, "trigger": {"date": "2026-11-30T00:00:00Z"},
             "flow": {"id": "orders", "namespace": "company.team"}, "execution": {"id": "exec1"},
             "task": {"id": "load", "type": "io.kestra.plugin.scripts.jbang.Script"}, "taskrun": {"id": "run1"}}
            """;

    private static final String NO_CONTEXT = "No Kestra execution context found: '.kestra-execution-context.json' does not"
            + " exist and the KESTRA_CONTEXT environment variable is not set. The execution context is only available when"
            + " the script runs inside a Kestra task.";

    @TempDir
    Path dir;

    private ExecutionContext fromWorkingDirectory() throws IOException {
        Files.writeString(dir.resolve(ExecutionContext.FILE_NAME), JSON);
        return ExecutionContext.load(Map.of(), dir);
    }

    @Test
    void typedAccessToEachSection() throws IOException {
        ExecutionContext c = fromWorkingDirectory();
        assertEquals("orders.csv", c.inputs().getString("dataset"));
        assertEquals(42, c.inputs().getNumber("rows"));
        assertEquals(new BigInteger("12345678901234567890"), c.inputs().getNumber("big"));
        assertEquals(0.5, c.inputs().getNumber("ratio"));
        assertTrue(c.inputs().getBoolean("dryRun"));
        assertEquals(List.of("a", 2), c.inputs().getList("files"));
        assertTrue(c.inputs().has("none"));
        assertNull(c.inputs().get("none"));
        assertEquals(42, c.vars().getNumber("threshold"));
        assertEquals("kestra:///a.csv", c.outputs().section("extract").section("vars").getString("uri"));
        assertEquals(Map.of("env", "prod"), c.labels().toMap());
        assertEquals("2026-11-30T00:00:00Z", c.trigger().getString("date"));
        assertEquals("orders", c.flowId());
        assertEquals("company.team", c.namespace());
        assertEquals("exec1", c.executionId());
        assertEquals(Set.of("execution", "flow", "inputs", "labels", "outputs", "task", "taskrun", "trigger", "vars"), c.keys());
        assertEquals("{env=prod}", c.labels().toString());
        assertThrows(UnsupportedOperationException.class, () -> c.labels().toMap().put("x", "y"));
    }

    @Test
    void aMissingKeyNamesTheAvailableOnes() throws IOException {
        ExecutionContext c = fromWorkingDirectory();
        assertEquals("'team' is not available in the execution context (available: env)",
                assertThrows(NoSuchElementException.class, () -> c.labels().getString("team")).getMessage());
        assertEquals("'nope' is not available in the execution context (available: execution, flow, inputs, labels, outputs, task,"
                + " taskrun, trigger, vars)", assertThrows(NoSuchElementException.class, () -> c.get("nope")).getMessage());
        assertEquals("'trigger' is not available in the execution context (available: none)",
                assertThrows(NoSuchElementException.class, () -> ExecutionContext.of(Map.of()).trigger()).getMessage());
        assertFalse(ExecutionContext.of(Map.of()).has("trigger"));
    }

    @Test
    void aValueOfAnotherTypeIsNamed() throws IOException {
        ExecutionContext c = fromWorkingDirectory();
        assertEquals("'rows' in the execution context is a number, not a string",
                assertThrows(IllegalArgumentException.class, () -> c.inputs().getString("rows")).getMessage());
        assertEquals("'dataset' in the execution context is a string, not an object",
                assertThrows(IllegalArgumentException.class, () -> c.inputs().section("dataset")).getMessage());
        assertEquals("'none' in the execution context is null, not a boolean",
                assertThrows(IllegalArgumentException.class, () -> c.inputs().getBoolean("none")).getMessage());
        assertEquals("'files' in the execution context is a list, not a number",
                assertThrows(IllegalArgumentException.class, () -> c.inputs().getNumber("files")).getMessage());
        assertEquals("'inputs' in the execution context is an object, not a list",
                assertThrows(IllegalArgumentException.class, () -> c.getList("inputs")).getMessage());
    }

    @Test
    void theVariableNamesTheFileFirst() throws IOException {
        Files.writeString(dir.resolve(ExecutionContext.FILE_NAME), "{\"vars\": {\"x\": \"default file\"}}");
        Files.writeString(dir.resolve("custom.json"), "{\"vars\": {\"x\": \"custom.json\"}}");
        assertEquals("custom.json", ExecutionContext.load(Map.of("KESTRA_EXECUTION_CONTEXT_FILE", "custom.json",
                "KESTRA_CONTEXT", base64("{\"vars\": {\"x\": \"variable\"}}")), dir).vars().getString("x"));
        assertEquals("default file", ExecutionContext.load(Map.of("KESTRA_CONTEXT", base64("{\"vars\": {\"x\": \"variable\"}}")), dir)
                .vars().getString("x"));
    }

    @Test
    void withoutAFileTheBase64VariableIsRead() {
        assertEquals("from KESTRA_CONTEXT é", ExecutionContext.load(Map.of("KESTRA_CONTEXT",
                base64("{\"vars\": {\"x\": \"from KESTRA_CONTEXT é\"}}")), dir).vars().getString("x"));
    }

    @Test
    void noContextIsAClearError() {
        assertEquals(NO_CONTEXT, assertThrows(IllegalStateException.class, () -> ExecutionContext.load(Map.of(), dir)).getMessage());
        assertEquals(NO_CONTEXT, assertThrows(IllegalStateException.class, () -> ExecutionContext.load(Map.of("KESTRA_CONTEXT", ""), dir))
                .getMessage());
        assertEquals("No Kestra execution context found: 'gone.json' does not exist and the KESTRA_CONTEXT environment variable is not"
                        + " set. The execution context is only available when the script runs inside a Kestra task.",
                assertThrows(IllegalStateException.class, () -> ExecutionContext.load(Map.of("KESTRA_EXECUTION_CONTEXT_FILE", "gone.json"), dir))
                        .getMessage());
    }

    @Test
    void badContentIsNamedWithItsSource() throws IOException {
        assertEquals("KESTRA_CONTEXT is not base64: Illegal base64 character 21",
                assertThrows(IllegalStateException.class, () -> ExecutionContext.load(Map.of("KESTRA_CONTEXT", "!!"), dir)).getMessage());
        assertEquals("the execution context in KESTRA_CONTEXT is not a JSON object: not a JSON object (starts with [)",
                assertThrows(IllegalStateException.class, () -> ExecutionContext.load(Map.of("KESTRA_CONTEXT", base64("[1]")), dir))
                        .getMessage());
        Path file = dir.resolve(ExecutionContext.FILE_NAME);
        Files.writeString(file, "{\"a\": 1} [2]");
        assertEquals("the execution context in " + file + " is not a JSON object: text after the JSON object at line 1",
                assertThrows(IllegalStateException.class, () -> ExecutionContext.load(Map.of(), dir)).getMessage());
        Files.writeString(file, "");
        assertEquals("the execution context in " + file + " is not a JSON object: not a JSON object (empty)",
                assertThrows(IllegalStateException.class, () -> ExecutionContext.load(Map.of(), dir)).getMessage());
        Files.writeString(file, "{\"a\": x}");
        assertEquals("the execution context in " + file + " is not a JSON object: Unrecognized token 'x': was expecting (JSON String,"
                        + " Number, Array, Object or token 'null', 'true' or 'false') (line 1, column 7)",
                assertThrows(IllegalStateException.class, () -> ExecutionContext.load(Map.of(), dir)).getMessage());
    }

    private static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
