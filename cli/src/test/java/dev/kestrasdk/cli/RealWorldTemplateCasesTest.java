package dev.kestrasdk.cli;

import dev.kestrasdk.internal.wire.WireEncoder;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.json.ToolJson;
import dev.kestrasdk.runner.template.TemplateContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The corpus cases of examples/real-world/ that need Kestra's template context and nothing else the runner lacked
 * (no package, network, written file, argument or environment variable) give their native reading (expected.json)
 * when run with the case's {@code templateContext} through {@link ScriptRequest#withTemplateContext}.
 */
class RealWorldTemplateCasesTest {
    private static final Path CORPUS = Path.of("..", "examples", "real-world").toAbsolutePath().normalize();
    private static final String VARIES = "<varies>";
    private static ScriptRunner runner;
    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        runner = new ScriptRunner();
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"py-docs-webhook-body", "py-incident-timeline-report", "py-inventory-purchase-orders",
            "py-k8s-classify-severity", "py-partition-metrics", "py-sheets-parse-rows", "py-vm-custom-hostname"})
    @SuppressWarnings("unchecked")
    void givesItsNativeReading(String name) throws Exception {
        Path dir = CORPUS.resolve(name);
        Map<String, Object> c = (Map<String, Object>) ToolJson.read(Files.readString(dir.resolve("case.json")));
        Map<String, Object> expected = (Map<String, Object>) ToolJson.read(Files.readString(dir.resolve("expected.json")));
        String scriptName = c.get("scriptName") instanceof String s ? s : (String) c.get("script");
        Path script = work.resolve(scriptName);
        Files.copy(dir.resolve((String) c.get("script")), script);
        for (Map.Entry<String, Object> f : ((Map<String, Object>) c.get("inputFiles")).entrySet()) {
            Files.writeString(work.resolve(f.getKey()), (String) f.getValue(), StandardCharsets.UTF_8);
        }
        ScriptRequest request = ScriptRequest.ofFile(script).withInputs((Map<String, Object>) c.get("inputs"))
                .withTimeout(Duration.ofSeconds(120))
                .withTemplateContext(context((Map<String, Object>) c.get("templateContext"), (Map<String, Object>) c.get("vars")));
        ScriptResult result = runner.run(request);
        Map<String, Object> doc = (Map<String, Object>) ToolJson.read(WireEncoder.jsonDocument(
                ParseCommand.sanitize(RunCommand.resultJson(result, scriptName))));
        List<String> varying = c.get("varying") instanceof List<?> l ? (List<String>) l : List.of();
        assertEquals(reading(expected, List.of()), reading(doc, varying), name + ": " + doc.get("failure") + "\n" + doc.get("stderr"));
    }

    /** The case's {@code templateContext}: its {@code now} is the clock, the rest Kestra's variables of that name. */
    @SuppressWarnings("unchecked")
    static TemplateContext context(Map<String, Object> tc, Map<String, Object> vars) {
        Clock clock = tc.get("now") instanceof String now ? Clock.fixed(Instant.parse(now), ZoneOffset.UTC) : Clock.systemUTC();
        Map<String, String> secrets = new LinkedHashMap<>();
        ((Map<String, Object>) tc.getOrDefault("secrets", Map.of())).forEach((k, v) -> secrets.put(k, (String) v));
        return TemplateContext.local(clock, Map.of()).withVars(vars)
                .withOutputs((Map<String, Object>) tc.getOrDefault("outputs", Map.of()))
                .withTaskrun((Map<String, Object>) tc.getOrDefault("taskrun", Map.of()))
                .withExecution((Map<String, Object>) tc.getOrDefault("execution", Map.of()))
                .withFlow((Map<String, Object>) tc.getOrDefault("flow", Map.of()))
                .withTrigger((Map<String, Object>) tc.getOrDefault("trigger", Map.of()))
                .withKv((Map<String, Object>) tc.getOrDefault("kv", Map.of()))
                .withSecrets(secrets);
    }

    /** What render_and_run_native.py compares: exit code, outputs, metrics, logs; varying values and numbers' types aside. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> reading(Map<String, Object> doc, List<String> varying) {
        Map<String, Object> outputs = new LinkedHashMap<>((Map<String, Object>) doc.get("outputs"));
        outputs.replaceAll((k, v) -> varying.contains("outputs." + k) ? VARIES : v);
        List<Object> metrics = new ArrayList<>();
        for (Object m : (List<Object>) doc.get("metrics")) {
            Map<String, Object> metric = new LinkedHashMap<>((Map<String, Object>) m);
            if (varying.contains("metrics." + metric.get("name") + ".value")) {
                metric.put("value", VARIES);
            }
            metrics.add(Map.of("name", metric.get("name"), "tags", metric.get("tags"), "type", metric.get("type"), "value", metric.get("value")));
        }
        List<Object> logs = new ArrayList<>();
        for (Object l : (List<Object>) doc.get("logs")) {
            logs.add(Map.of("level", ((Map<String, Object>) l).get("level"), "message", ((Map<String, Object>) l).get("message")));
        }
        Map<String, Object> reading = new LinkedHashMap<>();
        reading.put("exitCode", doc.get("exitCode"));
        reading.put("outputs", outputs);
        reading.put("metrics", metrics);
        reading.put("logs", logs);
        return numbersAsDoubles(reading);
    }

    @SuppressWarnings("unchecked")
    private static <T> T numbersAsDoubles(T value) {
        if (value instanceof Number n) {
            return (T) (Object) n.doubleValue();
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(k, numbersAsDoubles(v)));
            return (T) copy;
        }
        if (value instanceof List<?> l) {
            return (T) l.stream().map(RealWorldTemplateCasesTest::numbersAsDoubles).toList();
        }
        return value;
    }
}
