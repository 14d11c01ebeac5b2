package dev.kestrasdk.cli;

import dev.kestrasdk.internal.wire.WireEncoder;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.language.python.PythonDependencies;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.json.ToolJson;
import dev.kestrasdk.runner.template.TemplateContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 18's acceptance: every script of the real-world corpus (examples/real-world/) runs through {@code run}
 * exactly as the acceptance allows, {@code run SCRIPT --input ... --env ... -- ARGS} from its case.json (the
 * request is the command line's own, {@link RunCommand#requestFor}), plus the Kestra template context the case
 * records ({@code vars}, {@code templateContext}) given through the embedding API's {@link TemplateContext}: that
 * context is Kestra's, which a flow gives every script, not an option the script needs. The web services it calls
 * are the corpus's loopback stand-ins ({@link CorpusStandins}). What Kestra reads is compared with the native
 * reading (expected.json) as render_and_run_native.py compares it ({@link CorpusReading}).
 *
 * <p>Scripts that need a package with C extensions, and the one without a native reading, are skipped with that
 * reason. Every other script that does not give its native reading yet is listed, with why, in
 * examples/real-world/known-failures.txt: the test fails when a listed script gives its reading (remove its
 * line) and when an unlisted one does not. docs/runner.md holds the table of the corpus and its results,
 * generated from the cases, their native readings and that list, and checked here. With
 * {@code -Dkestra.corpus.update=true} the test writes the list (with the reasons seen) and the table instead.
 */
class RealWorldAcceptanceTest {
    static final Path CORPUS = Path.of("..", "examples", "real-world").toAbsolutePath().normalize();
    static final Path KNOWN_FAILURES = CORPUS.resolve("known-failures.txt");
    /** The runner's npm test fixture (package.json and lock): the packages of the corpus's Node scripts. */
    static final Path NPM_PACKAGES = Path.of("../polyglot-runner/src/test/resources/dev/kestrasdk/runner/language/javascript/packages");
    static final Path RUNNER_MD = Path.of("..", "docs", "runner.md").toAbsolutePath().normalize();
    private static final boolean UPDATE = Boolean.getBoolean("kestra.corpus.update");
    private static final String TIMEOUT = "120s";

    private static ScriptRunner runner;
    private static CorpusStandins standins;
    /** Case name to why it differs, null when it gives its native reading: for the update. */
    private static final Map<String, String> seen = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        runner = new ScriptRunner();
        standins = new CorpusStandins(CORPUS);
    }

    @AfterAll
    static void stop() throws IOException {
        runner.close();
        standins.close();
        if (UPDATE) {
            writeKnownFailures();
            CorpusTable.write(RUNNER_MD, CorpusTable.render(CORPUS, knownFailures()));
        }
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("case.json"))).map(d -> d.getFileName().toString())
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesItsNativeReadingOrIsAKnownFailure(String name) throws Exception {
        Map<String, Object> c = json(CORPUS.resolve(name).resolve("case.json"));
        Map<String, Object> expected = json(CORPUS.resolve(name).resolve("expected.json"));
        String skip = CorpusTable.skipReason(c, expected);
        Assumptions.assumeTrue(skip == null, skip);

        String why = CorpusReading.difference(expected, reading(name, c));
        seen.put(name, why == null ? "" : why);
        Map<String, String> known = knownFailures();
        if (UPDATE) {
            return;
        }
        if (why == null && known.containsKey(name)) {
            fail(name + " gives its native reading now: remove its line from examples/real-world/known-failures.txt"
                    + " (and regenerate the table: see docs/runner.md)");
        }
        if (why != null && !known.containsKey(name)) {
            fail(name + " does not give its native reading: " + why);
        }
    }

    @Test
    void theListOfKnownFailuresNamesRunnableCases() throws IOException {
        List<String> names = cases().toList();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : knownFailures().entrySet()) {
            if (!names.contains(e.getKey())) {
                problems.add(e.getKey() + ": no such case");
            } else if (CorpusTable.skipReason(json(CORPUS.resolve(e.getKey()).resolve("case.json")),
                    json(CORPUS.resolve(e.getKey()).resolve("expected.json"))) != null) {
                problems.add(e.getKey() + ": skipped, so it cannot be a known failure");
            } else if (e.getValue().isBlank()) {
                problems.add(e.getKey() + ": no reason given");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theTableInRunnerMdIsCurrent() throws IOException {
        Assumptions.assumeFalse(UPDATE, "the table is written after the cases ran");
        String table = CorpusTable.render(CORPUS, knownFailures());
        String doc = Files.readString(RUNNER_MD, StandardCharsets.UTF_8);
        int begin = doc.indexOf(CorpusTable.BEGIN);
        int end = doc.indexOf(CorpusTable.END);
        assertTrue(begin >= 0 && end > begin, "docs/runner.md has no generated corpus table between its markers");
        assertEquals(table, doc.substring(begin, end + CorpusTable.END.length()),
                "the corpus table in docs/runner.md is stale: regenerate it with "
                        + "-Dkestra.corpus.update=true (docs/runner.md, \"Real-world corpus\")");
    }

    /** The script run through the command line's request, in a fresh folder holding it and its input files. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> reading(String name, Map<String, Object> c) throws Exception {
        Path dir = CORPUS.resolve(name);
        String text = Files.readString(dir.resolve((String) c.get("script")), StandardCharsets.UTF_8);
        String templateContext = WireEncoder.json(c.getOrDefault("templateContext", Map.of()));
        Map<String, Object> standin = (Map<String, Object>) c.get("standin");
        if (standin != null) {
            int port = standins.port((String) standin.get("server"));
            if ("rewrite-host".equals(standin.get("how"))) { // as the native run: the URL is a literal in the script
                text = text.replace((String) standin.get("from"), "http://127.0.0.1:" + port);
            }
            templateContext = templateContext.replace("{port}", String.valueOf(port));
        }
        Path work = Files.createTempDirectory("kestra-corpus-");
        try {
            String scriptName = c.get("scriptName") instanceof String s ? s : (String) c.get("script");
            Path script = work.resolve(scriptName);
            Files.writeString(script, text, StandardCharsets.UTF_8);
            for (Map.Entry<String, Object> f : ((Map<String, Object>) c.getOrDefault("inputFiles", Map.of())).entrySet()) {
                Path file = work.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, (String) f.getValue(), StandardCharsets.UTF_8);
            }
            List<Object> packages = (List<Object>) c.getOrDefault("packages", List.of());
            Map<String, Object> inputFiles = (Map<String, Object>) c.getOrDefault("inputFiles", Map.of());
            boolean javascript = "javascript".equals(c.get("language"));
            if (javascript && !packages.isEmpty() && !inputFiles.containsKey("package.json")) {
                // the task's beforeCommands (npm install): the runner's npm fixture holds every package of the corpus's
                // Node scripts, so one cached install serves them and NpmPackagesTest alike
                Files.copy(NPM_PACKAGES.resolve("package.json"), work.resolve("package.json"));
                Files.copy(NPM_PACKAGES.resolve("package-lock.json"), work.resolve("package-lock.json"));
            }
            List<String> args = new ArrayList<>(List.of(script.toString(), "--timeout", TIMEOUT));
            if ("python".equals(c.get("language")) && !scriptName.endsWith(".py")) {
                args.addAll(List.of("--language", "python"));
            }
            ((Map<String, Object>) c.getOrDefault("inputs", Map.of())).forEach((k, v) -> args.addAll(List.of("--input", k + "=" + WireEncoder.json(v))));
            ((Map<String, Object>) c.getOrDefault("env", Map.of())).forEach((k, v) -> args.addAll(List.of("--env", k + "=" + v)));
            List<Object> scriptArgs = (List<Object>) c.getOrDefault("args", List.of());
            if (!scriptArgs.isEmpty()) {
                args.add("--");
                scriptArgs.forEach(a -> args.add(String.valueOf(a)));
            }
            ScriptRequest request = RunCommand.requestFor(args.toArray(String[]::new))
                    .withTemplateContext(context((Map<String, Object>) ToolJson.read(templateContext),
                            (Map<String, Object>) c.getOrDefault("vars", Map.of())));
            if (!javascript && !packages.isEmpty()) {
                // the task's beforeCommands (pip install): one requirements file for the corpus's pure-Python packages,
                // so GraalPy's pip makes one cached venv (examples/real-world/requirements-runner.txt)
                request = request.withPythonDependencies(PythonDependencies.fromRequirementsFile(CORPUS.resolve("requirements-runner.txt")));
            }
            ScriptResult result = runner.run(request);
            Path kept = result.workingDirectory(); // run keeps the working directory of a failed script: not here
            Map<String, Object> doc = (Map<String, Object>) ToolJson.read(WireEncoder.jsonDocument(
                    ParseCommand.sanitize(RunCommand.resultJson(result, scriptName))));
            List<String> varying = c.get("varying") instanceof List<?> l ? (List<String>) l : List.of();
            Map<String, Object> reading = CorpusReading.ofRunResult(doc, varying);
            if (reading.get("failure") instanceof String f) { // the folder's name is the run's, not the script's
                reading.put("failure", (kept == null ? f : f.replace(kept.toString(), "<workdir>")).replace(work.toString(), "<workdir>"));
            }
            if (kept != null) {
                deleteTree(kept);
            }
            return reading;
        } finally {
            deleteTree(work);
        }
    }

    /** Kestra's context as the case records it: {@code now} is the clock, the rest Kestra's variables of that name. */
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

    /** examples/real-world/known-failures.txt: {@code name # why} a line; {@code #} lines are comments. */
    static Map<String, String> knownFailures() throws IOException {
        Map<String, String> known = new TreeMap<>();
        for (String line : Files.readAllLines(KNOWN_FAILURES, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int hash = line.indexOf(" # ");
            known.put((hash < 0 ? line : line.substring(0, hash)).strip(), hash < 0 ? "" : line.substring(hash + 3).strip());
        }
        return known;
    }

    private static void writeKnownFailures() throws IOException {
        List<String> header = Files.readAllLines(KNOWN_FAILURES, StandardCharsets.UTF_8).stream()
                .takeWhile(l -> l.startsWith("#")).toList();
        StringBuilder b = new StringBuilder();
        header.forEach(l -> b.append(l).append('\n'));
        new TreeMap<>(seen).forEach((name, why) -> {
            if (!why.isEmpty()) {
                b.append(name).append(" # ").append(why.replace('\n', ' ')).append('\n');
            }
        });
        Files.writeString(KNOWN_FAILURES, b.toString(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Path file) throws IOException {
        return Files.isRegularFile(file) ? (Map<String, Object>) ToolJson.read(Files.readString(file, StandardCharsets.UTF_8)) : Map.of();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
