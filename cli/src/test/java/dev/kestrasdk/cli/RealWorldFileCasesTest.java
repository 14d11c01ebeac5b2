package dev.kestrasdk.cli;

import dev.kestrasdk.internal.wire.WireEncoder;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.json.ToolJson;
import dev.kestrasdk.runner.sandbox.RunProfile;
import dev.kestrasdk.runner.workspace.ScriptWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The corpus cases of examples/real-world/ that read their input files and leave output files (Kestra's
 * {@code inputFiles}, {@code outputFiles}, {@code outputDir}) and need nothing else the runner lacks give their
 * native reading and the same files (name, size), run in the task profile ({@code run}'s default) in a fresh working
 * directory holding the case's files.
 */
class RealWorldFileCasesTest {
    private static final Path CORPUS = Path.of("..", "examples", "real-world").toAbsolutePath().normalize();
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
    @ValueSource(strings = {"py-docs-schedule-report", "py-filter-product-columns", "py-gdpr-dpia-csv",
            "py-gdpr-extract-emails", "py-nutanix-chargeback", "py-pass-data-outputs", "py-runner-environment-info"})
    @SuppressWarnings("unchecked")
    void givesItsNativeReadingAndFiles(String name) throws Exception {
        Path dir = CORPUS.resolve(name);
        Map<String, Object> c = (Map<String, Object>) ToolJson.read(Files.readString(dir.resolve("case.json")));
        Map<String, Object> expected = (Map<String, Object>) ToolJson.read(Files.readString(dir.resolve("expected.json")));
        String scriptName = c.get("scriptName") instanceof String s ? s : (String) c.get("script");
        Path files = Files.createDirectories(work.resolve("namespace"));
        Path script = files.resolve(scriptName);
        Files.copy(dir.resolve((String) c.get("script")), script);
        for (Map.Entry<String, Object> f : ((Map<String, Object>) c.get("inputFiles")).entrySet()) {
            Files.writeString(files.resolve(f.getKey()), (String) f.getValue(), StandardCharsets.UTF_8);
        }
        List<String> globs = ((List<String>) c.get("outputFiles")).stream().filter(g -> !g.endsWith(" (in outputDir)")).toList();
        ScriptRequest request = ScriptRequest.ofFile(script).withInputs((Map<String, Object>) c.get("inputs"))
                .withTimeout(Duration.ofSeconds(120)).withProfile(RunProfile.TASK)
                .withTemplateContext(RealWorldTemplateCasesTest.context((Map<String, Object>) c.get("templateContext"),
                        (Map<String, Object>) c.get("vars")))
                .withWorkspace(ScriptWorkspace.temporary().withFiles(files).withOutputFiles(globs));
        ScriptResult result = runner.run(request);
        Map<String, Object> doc = (Map<String, Object>) ToolJson.read(WireEncoder.jsonDocument(
                ParseCommand.sanitize(RunCommand.resultJson(result, scriptName))));
        List<String> varying = c.get("varying") instanceof List<?> l ? (List<String>) l : List.of();
        assertEquals(RealWorldTemplateCasesTest.reading(expected, List.of()), RealWorldTemplateCasesTest.reading(doc, varying),
                name + ": " + doc.get("failure") + "\n" + doc.get("stderr"));
        assertEquals(((List<Map<String, Object>>) expected.get("files")).stream().map(f -> f.get("name") + " " + f.get("size")).toList(),
                result.files().stream().map(f -> f.name() + " " + f.size()).toList(), name + ": the output files");
    }
}
