package dev.kestrasdk.runner.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kestra's template context: every variable, function, filter and operator, with the exact text Kestra renders. */
class KestraTemplateContextTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T15:45:07.123456Z"), ZoneOffset.UTC);
    private final ScriptTemplate template = new ScriptTemplate();
    @TempDir
    Path dir;

    private TemplateContext context() {
        return TemplateContext.local(CLOCK, Map.of("SECRET_GITHUB_TOKEN", "Z2hwX2Zyb21fZW52", "SECRET_BAD", "%%%"))
                .withExecution(Map.of("id", "4wjtkzwVGBM9yKnjm3yv8r"))
                .withFlow(Map.of("id", "ci", "namespace", "company.team"))
                .withTaskrun(Map.of("id", "5XBmC7dBQvJzSJNXIYrJq0", "value", "file_3.parquet"));
    }

    private String render(String text) throws TemplateException {
        return render(text, Map.of(), context());
    }

    private String render(String text, Map<String, Object> inputs, TemplateContext context) throws TemplateException {
        return template.render(text, inputs, context, dir, () -> false);
    }

    private String error(String text) {
        return assertThrows(TemplateException.class, () -> render(text)).getMessage();
    }

    @Test
    void executionFlowTaskrunAndTheirDefaults() throws TemplateException {
        assertEquals("4wjtkzwVGBM9yKnjm3yv8r 2026-11-30T15:45:07.123456Z",
                render("{{ execution.id }} {{ execution.startDate }}"));
        assertEquals("ci company.team 1", render("{{ flow.id }} {{ flow.namespace }} {{ flow.revision }}"));
        assertEquals("5XBmC7dBQvJzSJNXIYrJq0 file_3.parquet 0",
                render("{{ taskrun.id }} {{ taskrun.value }} {{ taskrun.attemptsCount }}"));
        TemplateContext local = TemplateContext.local(CLOCK, Map.of());
        assertEquals("local local 1", render("{{ flow.id }} {{ flow.namespace }} {{ flow.revision }}", Map.of(), local));
        assertTrue(render("{{ execution.id }}", Map.of(), local).matches("[0-9A-Za-z]{1,22}"));
        assertTrue(!render("{{ taskrun.id }}", Map.of(), local).equals(render("{{ execution.id }}", Map.of(), local)));
    }

    @Test
    void varsLabelsTriggerWorkingDirAndOutputDir() throws TemplateException {
        TemplateContext c = context().withVars(Map.of("file", "orders.csv")).withLabels(Map.of("team", "data"))
                .withTrigger(Map.of("date", "2026-11-30T08:00:00Z"));
        assertEquals("orders.csv data 2026-11-30", render(
                "{{ vars.file }} {{ labels.team }} {{ trigger.date | date('yyyy-MM-dd') }}", Map.of(), c));
        assertEquals(dir + " " + dir, render("{{ workingDir }} {{ outputDir }}"));
    }

    @Test
    void outputsOfEarlierTasks() throws TemplateException {
        TemplateContext c = context().withOutputs(Map.of("extract", Map.of("vars", Map.of("rows", 42), "exitCode", 0),
                "api", Map.of("body", "{\"products\": [{\"id\": 1, \"price\": 549.5}, {\"id\": 2, \"price\": 3}]}")));
        assertEquals("42 0", render("{{ outputs.extract.vars.rows }} {{ outputs.extract.exitCode }}", Map.of(), c));
        assertEquals("[549.5,3] 549.5", render(
                "{{ outputs.api.body | jq('.products[].price') }} {{ outputs.api.body | jq('.products[0].price') | first }}", Map.of(), c));
    }

    @Test
    void listsAndMapsPrintAsJsonInTheirKeyOrder() throws TemplateException {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", 1);
        nested.put("a", Map.of("é", List.of(true, 2.5)));
        nested.put("n", null);
        Map<String, Object> inputs = Map.of("list", List.of("a", "b"), "map", nested, "num", 3, "real", 1.0);
        assertEquals("[\"a\",\"b\"] {\"z\":1,\"a\":{\"é\":[true,2.5]},\"n\":null} 3 1.0",
                render("{{ inputs.list }} {{ inputs.map }} {{ inputs.num }} {{ inputs.real }}", inputs, context()));
        assertEquals("{\"z\":1,\"a\":{\"é\":[true,2.5]},\"n\":null} \"x\\\"y\" null 3 [\"a\",\"b\"]",
                render("{{ inputs.map | toJson }} {{ 'x\"y' | toJson }} {{ null | toJson }} {{ inputs.num | json }} {{ inputs.list | toJson }}",
                        inputs, context()));
    }

    @Test
    void fromJsonAndItsOlderNameJson() throws TemplateException {
        assertEquals("2 b", render("{{ fromJson('{\"a\": [1, 2]}').a[1] }} {{ json('[\"a\",\"b\"]')[1] }}"));
        assertEquals("fromJson(): not valid JSON: Unexpected end-of-input: expected close marker for Object (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1]) at line 1, column 2 at line 1",
                error("{{ fromJson('{') }}"));
    }

    @Test
    void jqReturnsEveryResultAsAList() throws TemplateException {
        assertEquals("[\"Apple\",\"Samsung\"] [] [{\"n\":2}]", render(
                "{{ '[{\"b\":\"Apple\"},{\"b\":\"Samsung\"}]' | jq('.[].b') }} {{ '[]' | jq('.[]') }} {{ '{\"n\": 1}' | jq('{n: (.n + 1)}') }}"));
        assertEquals("[3]", render("{{ inputs.m | jq('.a | length') }}", Map.of("m", Map.of("a", List.of(1, 2, 3))), context()));
        assertTrue(error("{{ '{}' | jq('.[') }}").startsWith("jq('.['): "), error("{{ '{}' | jq('.[') }}"));
    }

    @Test
    void nowAndDate() throws TemplateException {
        assertEquals("2026-11-30T15:45:07.123456Z 20261130-1545 2026-11-30T16:45:07+01:00",
                render("{{ now() }} {{ now() | date('yyyyMMdd-HHmm') }} {{ now(format='iso_sec', timeZone='Europe/Paris') }}"));
        assertEquals("2026-11-30 2026-11-30 08:00:00 1970-01-01", render(
                "{{ '2026-11-30T08:00:00Z' | date('yyyy-MM-dd') }} {{ '30/11/2026 08:00' | date('sql_seq', existingFormat='dd/MM/yyyy HH:mm') }} {{ 0 | date('yyyy-MM-dd') }}"));
        assertEquals("date: Text 'yesterday' could not be parsed at index 0 at line 1", error("{{ 'yesterday' | date('yyyy') }}"));
    }

    @Test
    void readReadsAFileOfTheWorkingDirectoryOnly() throws TemplateException, IOException {
        Files.writeString(dir.resolve("query.sql"), "SELECT 1;\n");
        assertEquals("SELECT 1;\n", render("{{ read('query.sql') }}"));
        assertEquals("read('missing.txt'): no readable file " + dir.resolve("missing.txt") + " at line 1", error("{{ read('missing.txt') }}"));
        assertEquals("read('../x'): the file is outside the working directory " + dir + " at line 1", error("{{ read('../x') }}"));
        Path outside = Files.writeString(Files.createTempFile("outside", ".txt"), "not yours");
        try {
            Files.createSymbolicLink(dir.resolve("link.txt"), outside);
            assertEquals("read('link.txt'): the file is outside the working directory " + dir + " at line 1", error("{{ read('link.txt') }}"));
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void readAndToJsonAreBoundedLikeOtherValuesBuiltButNotWritten() throws IOException {
        ScriptTemplate small = new ScriptTemplate(new RenderLimits(java.time.Duration.ofSeconds(5), 20, 20));
        Files.writeString(dir.resolve("big.txt"), "x".repeat(21));
        assertEquals("a template value went over 20 characters or elements at line 1", assertThrows(TemplateException.class,
                () -> small.render("{% set s = read('big.txt') | length %}", Map.of(), context(), dir, () -> false)).getMessage());
        assertEquals("a template value went over 20 characters or elements at line 1", assertThrows(TemplateException.class,
                () -> small.render("{% set s = inputs.l | toJson | length %}", Map.of("l", List.of("abcdefghij", "abcdefghij")),
                        context(), dir, () -> false)).getMessage());
    }

    @Test
    void secretFromTheGivenSecretsThenBase64EnvironmentVariables() throws TemplateException {
        TemplateContext c = context().withSecrets(Map.of("API", "s3cr3t", "GITHUB_TOKEN", "given"));
        assertEquals("s3cr3t given", render("{{ secret('API') }} {{ secret('GITHUB_TOKEN') }}", Map.of(), c));
        assertEquals("ghp_from_env", render("{{ secret('GITHUB_TOKEN') }}"));
        assertEquals("secret('NOPE'): no such secret (give --secret NOPE=VALUE, or set SECRET_NOPE to its base64 value) at line 1",
                error("{{ secret('NOPE') }}"));
        assertEquals("secret('BAD'): SECRET_BAD is not base64: Illegal base64 character 25 at line 1", error("{{ secret('BAD') }}"));
    }

    @Test
    void theContextKeepsOnlyTheSecretVariablesOfTheEnvironment() {
        assertEquals(Map.of("SECRET_A", "YQ=="), TemplateContext.local(CLOCK, Map.of("SECRET_A", "YQ==", "HOME", "/root")).environment());
    }

    @Test
    void kvAndErrorOnMissing() throws TemplateException {
        TemplateContext c = context().withKv(Map.of("ipamAddress", "http://127.0.0.1:8080", "count", 3));
        assertEquals("http://127.0.0.1:8080 3", render("{{ kv('ipamAddress') }} {{ kv('count', namespace='company') }}", Map.of(), c));
        assertEquals("1", render("{{ kv('getVMIndex', errorOnMissing = false) ?? 1 }}"));
        assertEquals("kv('getVMIndex'): no such key (give --kv getVMIndex=VALUE, or kv('getVMIndex', errorOnMissing=false)) at line 1",
                error("{{ kv('getVMIndex') }}"));
    }

    @Test
    void nullCoalescingOnMissingAndNullAndUndefinedCoalescingOnMissingOnly() throws TemplateException {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("none", null);
        inputs.put("zero", 0);
        inputs.put("empty", "");
        assertEquals("d|d|d|0||d", render(
                "{{ inputs.missing ?? 'd' }}|{{ inputs.none ?? 'd' }}|{{ nothing.at.all ?? 'd' }}|{{ inputs.zero ?? 'd' }}|{{ inputs.empty ?? 'd' }}|{{ inputs.missing ?? inputs.none ?? 'd' }}",
                inputs, context()));
        assertEquals("d||0", render("{{ inputs.missing ??? 'd' }}|{{ inputs.none ??? 'd' }}|{{ inputs.zero ??? 'd' }}", inputs, context()));
        TemplateContext webhook = context().withTrigger(Map.of("body", Map.of("first_name", "Ada")));
        assertEquals("{\"first_name\":\"Ada\"}", render("{{ trigger.body ?? '' }}", Map.of(), webhook));
        assertEquals("", render("{{ trigger.body ?? '' }}"));
    }

    @Test
    void defaultOnMissingNullAndEmpty() throws TemplateException {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("none", null);
        inputs.put("empty", "");
        inputs.put("list", List.of());
        inputs.put("zero", 0);
        inputs.put("no", false);
        assertEquals("d|d|d|d|0|false", render(
                "{{ inputs.missing | default('d') }}|{{ inputs.none | default('d') }}|{{ inputs.empty | default('d') }}|{{ inputs.list | default('d') }}|{{ inputs.zero | default('d') }}|{{ inputs.no | default('d') }}",
                inputs, context()));
    }

    @Test
    void unknownVariableListsTheVariablesAndSuggestsNoRender() {
        assertEquals("unknown template variable 'output' at line 2 (the variables are inputs, vars, outputs, execution, flow, "
                + "taskrun, labels, workingDir, outputDir; --no-render runs the script unrendered)", error("x\n{{ output.x }}"));
    }

    @Test
    void unknownFunctionOrFilterNamesIt() {
        assertEquals("Function or Macro [render] does not exist. at line 1", error("{{ render('x') }}"));
    }
}
