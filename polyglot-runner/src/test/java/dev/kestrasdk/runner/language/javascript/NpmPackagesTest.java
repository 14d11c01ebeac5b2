package dev.kestrasdk.runner.language.javascript;

import com.sun.net.httpserver.HttpServer;
import dev.kestrasdk.parse.ReportCollector;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.SharedRunner;
import dev.kestrasdk.runner.json.ToolJson;
import dev.kestrasdk.runner.process.Launch;
import dev.kestrasdk.runner.sandbox.RunProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12's acceptance: npm packages installed from a package.json beside the script (through the runner's cache:
 * the first run of a machine installs them with npm, later runs are offline) give the same output as on Node, which
 * the test runs on the same scripts; and the corpus's Node scripts (examples/real-world/js-*) give the reading their
 * native Node run recorded. Web services are a stand-in on the loopback address.
 */
class NpmPackagesTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();
    static final Path FIXTURE = Path.of("src/test/resources/dev/kestrasdk/runner/language/javascript/packages");
    static final Path CORPUS = Path.of("../examples/real-world");

    @TempDir
    static Path dir;
    static HttpServer server;
    static int port;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            byte[] answer = (exchange.getRequestMethod().equals("GET")
                    ? "{\"name\": \"kestra\", \"namespace\": \"kestra\", \"pull_count\": 12345678, \"star_count\": 180}"
                    : ToolJson.write(Map.of("got", body, "type", String.valueOf(type)))).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("GET") ? 200 : 201, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    /** A folder with the fixture's package.json, its lock and the script: as a Kestra task's working directory. */
    private static Path workingDirectory(String name, String script) throws IOException {
        Path work = Files.createDirectories(dir.resolve(name));
        Files.copy(FIXTURE.resolve("package.json"), work.resolve("package.json"));
        Files.copy(FIXTURE.resolve("package-lock.json"), work.resolve("package-lock.json"));
        Files.copy(FIXTURE.resolve(script), work.resolve(script));
        return work;
    }

    @ParameterizedTest
    @ValueSource(strings = {"popular.mjs", "popular.cjs"})
    void tenPopularPackagesPrintWhatNodePrints(String script) throws Exception {
        Path work = workingDirectory("run-" + script, script);
        ScriptResult result = runner.run(ScriptRequest.ofFile(work.resolve(script)).withProfile(RunProfile.TASK)
                .withTimeout(Duration.ofMinutes(10)).withArguments(List.of(String.valueOf(port))));
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> result.failure() + "\n" + result.stdout());
        assertEquals(node(script), result.stdout());
    }

    @Test
    void theInstallIsCachedByThePackageFilesHashAndANodeModulesBesideIsUsedAsItIs() throws Exception {
        Path first = workingDirectory("cache-a", "popular.cjs");
        Path second = workingDirectory("cache-b", "popular.cjs");
        Optional<Path> a = NpmInstall.nodeModules(first);
        Optional<Path> b = NpmInstall.nodeModules(second);
        String key = NpmInstall.key(Files.readAllBytes(first.resolve("package.json")),
                Files.readAllBytes(first.resolve("package-lock.json")));
        assertEquals(a, b);
        assertEquals(key, a.orElseThrow().getParent().getFileName().toString());
        assertEquals("npm", a.orElseThrow().getParent().getParent().getFileName().toString());
        Files.createDirectories(second.resolve("node_modules"));
        assertEquals(Optional.empty(), NpmInstall.nodeModules(second));
    }

    @Test
    void aPackageJsonNpmCannotInstallFailsTheScriptWithNpmsReason() throws IOException {
        Path work = Files.createDirectories(dir.resolve("bad-package"));
        Files.writeString(work.resolve("package.json"), "{\"dependencies\": {\"kestra-sdk-no-such-package-12\": \"not a version\"}}");
        Files.writeString(work.resolve("script.js"), "console.log('never');");
        ScriptResult result = runner.run(ScriptRequest.ofFile(work.resolve("script.js")).withTimeout(Duration.ofMinutes(5)));
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals("Error", result.failure().type());
        assertTrue(result.failure().message().startsWith("kestra-sdk: npm install failed (exit 1): "), result.failure().message());
        assertEquals(List.of(), result.stdout());
    }

    /** What a script given {@code --npm lodash@4.17.21 --npm dayjs@1.11.13} prints: as node prints it with the same packages. */
    private static final String USE_PACKAGES = """
            const _ = require('lodash'), dayjs = require('dayjs');
            console.log(_.chunk([1, 2, 3], 2), dayjs('2024-01-02').format('YYYY/MM/DD'), require('lodash/package.json').version);
            """;
    private static final NpmPackages LODASH_DAYJS = NpmPackages.of("lodash@4.17.21", "dayjs@1.11.13");

    @Test
    void npmPackagesAloneAreInstalledIntoTheCacheKeyedByTheManifestTheyMake() throws Exception {
        Path work = Files.createDirectories(dir.resolve("npm-alone"));
        Files.writeString(work.resolve("use.cjs"), USE_PACKAGES);
        ScriptResult result = runner.run(ScriptRequest.ofFile(work.resolve("use.cjs")).withProfile(RunProfile.TASK)
                .withTimeout(Duration.ofMinutes(10)).withNpmPackages(LODASH_DAYJS));
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> result.failure() + "\n" + result.stdout());
        assertEquals(List.of("[ [ 1, 2 ], [ 3 ] ] 2024/01/02 4.17.21"), result.stdout());
        byte[] manifest = "{\"dependencies\":{\"dayjs\":\"1.11.13\",\"lodash\":\"4.17.21\"},\"private\":true}"
                .getBytes(StandardCharsets.UTF_8);
        Path installed = NpmInstall.nodeModules(work, LODASH_DAYJS).orElseThrow();
        assertEquals(NpmInstall.key(manifest, new byte[0]), installed.getParent().getFileName().toString());
        assertEquals(new String(manifest, StandardCharsets.UTF_8), Files.readString(installed.resolveSibling("package.json")));
        assertTrue(Files.isRegularFile(installed.resolveSibling("package-lock.json")), "npm's resolved lock kept with the install");
        assertEquals(installed, NpmInstall.nodeModules(work, NpmPackages.of("dayjs@1.11.13", "lodash@4.17.21")).orElseThrow(),
                "the order given does not change the key");
    }

    @Test
    void npmPackagesJoinThePackageJsonBesideTheScript() throws Exception {
        Path work = Files.createDirectories(dir.resolve("npm-merged"));
        Files.writeString(work.resolve("package.json"), "{\"name\": \"report\", \"dependencies\": {\"dayjs\": \"1.11.13\", \"lodash\": \"4.17.20\"}}");
        Files.writeString(work.resolve("use.cjs"), USE_PACKAGES);
        ScriptResult result = runner.run(ScriptRequest.ofFile(work.resolve("use.cjs")).withProfile(RunProfile.TASK)
                .withTimeout(Duration.ofMinutes(10)).withNpmPackages(NpmPackages.of("lodash@4.17.21")));
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> result.failure() + "\n" + result.stdout());
        assertEquals(List.of("[ [ 1, 2 ], [ 3 ] ] 2024/01/02 4.17.21"), result.stdout(), "--npm's range replaces package.json's");
        assertEquals("{\"dependencies\":{\"dayjs\":\"1.11.13\",\"lodash\":\"4.17.21\"},\"name\":\"report\"}", new String(
                NpmInstall.withDependencies(Files.readAllBytes(work.resolve("package.json")), Map.of("lodash", "4.17.21"),
                        work.resolve("package.json")), StandardCharsets.UTF_8));
    }

    @Test
    void aNodeModulesBesideIsSearchedFirstAndNpmPackagesAfterIt() throws Exception {
        Path work = Files.createDirectories(dir.resolve("npm-beside-node-modules"));
        Files.createDirectories(work.resolve("node_modules/dayjs"));
        Files.writeString(work.resolve("node_modules/dayjs/index.js"), "module.exports = () => ({ format: () => 'local dayjs' });\n");
        Files.writeString(work.resolve("use.cjs"), USE_PACKAGES);
        ScriptResult result = runner.run(ScriptRequest.ofFile(work.resolve("use.cjs")).withProfile(RunProfile.TASK)
                .withTimeout(Duration.ofMinutes(10)).withNpmPackages(LODASH_DAYJS));
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> result.failure() + "\n" + result.stdout());
        assertEquals(List.of("[ [ 1, 2 ], [ 3 ] ] local dayjs 4.17.21"), result.stdout());
    }

    @Test
    void aBadPackageJsonWithNpmPackagesIsOneLine() throws IOException {
        Path work = Files.createDirectories(dir.resolve("npm-bad-manifest"));
        Files.writeString(work.resolve("package.json"), "{\"dependencies\": [\"lodash\"]}");
        Files.writeString(work.resolve("use.cjs"), "console.log('never');");
        ScriptResult result = runner.run(ScriptRequest.ofFile(work.resolve("use.cjs")).withNpmPackages(NpmPackages.of("dayjs")));
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals("kestra-sdk: " + work.resolve("package.json") + ": \"dependencies\" must be an object of names and ranges",
                result.failure().message());
        assertEquals(List.of(), result.stdout());
    }

    @Test
    void offlineWithAnEmptyCacheIsOneLineSayingSo() throws IOException {
        Path work = Files.createDirectories(dir.resolve("npm-offline"));
        // the registry out of reach, as on a machine without network: npm reads the .npmrc beside the script
        Files.writeString(work.resolve(".npmrc"), "registry=http://127.0.0.1:1/\nfetch-retries=0\n");
        Files.writeString(work.resolve("use.cjs"), "console.log('never');");
        ScriptResult result = runner.run(ScriptRequest.ofFile(work.resolve("use.cjs")).withTimeout(Duration.ofMinutes(5))
                .withNpmPackages(NpmPackages.of("kestra-sdk-offline-probe@1.0.0")));
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals("Error", result.failure().type());
        assertEquals("kestra-sdk: npm could not reach the registry (ECONNREFUSED), and the runner's cache has no install of"
                + " these packages yet (the first run of a package set needs the registry; later runs are offline): FetchError:"
                + " request to http://127.0.0.1:1/kestra-sdk-offline-probe failed, reason: connect ECONNREFUSED 127.0.0.1:1",
                result.failure().message());
        assertEquals(List.of(), result.stdout());
    }

    @Test
    void aVersionNpmCannotFindFailsNamingThePackageAndNpmsReason() throws IOException {
        Path work = Files.createDirectories(dir.resolve("npm-no-such-version"));
        Files.writeString(work.resolve("use.cjs"), "console.log('never');");
        ScriptResult result = runner.run(ScriptRequest.ofFile(work.resolve("use.cjs")).withTimeout(Duration.ofMinutes(5))
                .withNpmPackages(NpmPackages.of("lodash@^99")));
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals("kestra-sdk: npm install failed (exit 1): ETARGET notarget No matching version found for lodash@^99.",
                result.failure().message());
    }

    /**
     * Kestra's deprecated Node task's example (node-task-axios/SOURCE.md): its files unchanged, run as the task ran them
     * ({@code node main.js data.json} after {@code npm install}), axios pointed at the stand-in; the Kestra reading and
     * the other lines are node's.
     */
    @Test
    void theNodeTaskExampleWithAxiosGivesNodesReading() throws Exception {
        Path work = Files.createDirectories(dir.resolve("node-task-axios"));
        Path nodeWork = Files.createDirectories(dir.resolve("node-task-axios-on-node"));
        for (String file : List.of("main.js", "data.json", "mymodule.js", "package.json", "kestra.js")) {
            String text = Files.readString(FIXTURE.resolveSibling("node-task-axios").resolve(file))
                    .replace("http://google.fr", "http://127.0.0.1:" + port);
            Files.writeString(work.resolve(file), text);
            Files.writeString(nodeWork.resolve(file), text);
        }
        ScriptResult result = runner.run(ScriptRequest.ofFile(work.resolve("main.js")).withProfile(RunProfile.TASK)
                .withTimeout(Duration.ofMinutes(10)).withArguments(List.of("data.json")));
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> result.failure() + "\n" + result.stdout());
        Files.createSymbolicLink(nodeWork.resolve("node_modules"), NpmInstall.nodeModules(nodeWork).orElseThrow());
        Process process = Launch.of("node", "main.js", "data.json").in(nodeWork).builder().redirectErrorStream(true).start();
        List<String> onNode = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "node ended");
        assertEquals(0, process.exitValue(), () -> String.join("\n", onNode));
        ReportCollector reading = new ReportCollector();
        onNode.forEach(reading::accept);
        assertEquals(ToolJson.write(reading.outputs()), ToolJson.write(result.outputs()));
        assertEquals(Map.of("status", 200, "text", Map.of("name", "kestra", "namespace", "kestra", "pull_count", 12345678,
                "star_count", 180)), result.outputs());
        assertEquals(List.of("OK", "hello world", "200"), result.stdout().stream().filter(l -> !l.startsWith("::")).toList());
        assertEquals(onNode.stream().filter(l -> !l.startsWith("::")).toList(),
                result.stdout().stream().filter(l -> !l.startsWith("::")).toList());
    }

    /** What Node prints for the fixture's script, run beside the same installed node_modules. */
    private static List<String> node(String script) throws Exception {
        Path work = workingDirectory("node-" + script, script);
        Path installed = NpmInstall.nodeModules(work).orElseThrow();
        Files.createSymbolicLink(work.resolve("node_modules"), installed);
        Process process = Launch.of("node", script, String.valueOf(port)).in(work).builder().redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "node ended");
        assertEquals(0, process.exitValue(), out);
        return out.lines().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"js-colors-hello", "js-esm-colors-package-json", "js-docker-pulls-outputs",
            "js-docker-pulls-outputs-inner-require", "js-docker-pulls-requestify", "js-docker-pulls-timer",
            "js-docker-pulls-timer-datenow", "js-docker-pulls-file", "js-json2csv-orders", "js-docs-logging",
            "js-docs-outputs-metrics", "js-kestra-outputs-hello"})
    void corpusNodeScriptsGiveTheirNativeReading(String name) throws IOException {
        Path source = CORPUS.resolve(name);
        @SuppressWarnings("unchecked")
        Map<String, Object> kase = (Map<String, Object>) ToolJson.read(Files.readString(source.resolve("case.json")));
        @SuppressWarnings("unchecked")
        Map<String, Object> expected = (Map<String, Object>) ToolJson.read(Files.readString(source.resolve("expected.json")));
        Path work = Files.createDirectories(dir.resolve("corpus-" + name));
        String scriptFile = (String) kase.get("script");
        String scriptName = (String) kase.getOrDefault("scriptName", scriptFile);
        // The stand-in takes Docker Hub's place, as the corpus's own runner pass points the script at it.
        Files.writeString(work.resolve(scriptName), Files.readString(source.resolve(scriptFile))
                .replace("https://hub.docker.com", "http://127.0.0.1:" + port));
        @SuppressWarnings("unchecked")
        Map<String, String> inputFiles = (Map<String, String>) kase.get("inputFiles");
        inputFiles.forEach((file, text) -> write(work.resolve(file), text));
        if (!inputFiles.containsKey("package.json")) { // the task's beforeCommands install its packages
            Files.copy(FIXTURE.resolve("package.json"), work.resolve("package.json"));
            Files.copy(FIXTURE.resolve("package-lock.json"), work.resolve("package-lock.json"));
        }
        ScriptResult result = runner.run(ScriptRequest.ofFile(work.resolve(scriptName)).withProfile(RunProfile.TASK)
                .withTimeout(Duration.ofMinutes(10)));
        assertEquals(((Number) expected.get("exitCode")).intValue(), result.exitCode(), () -> result.failure() + "\n" + result.stdout());
        assertEquals(ToolJson.write(expected.get("outputs")), ToolJson.write(result.outputs()));
        assertEquals(metrics(expected.get("metrics")), metrics(result.metrics().stream().map(m -> Map.of("name", m.name(),
                "type", m.type(), "tags", m.tags())).toList()));
        assertEquals(ToolJson.write(expected.get("logs")), ToolJson.write(result.logs().stream()
                .map(l -> new java.util.TreeMap<>(Map.of("level", l.level(), "message", l.message()))).toList()));
        assertEquals(((Number) expected.get("stdoutLines")).intValue(), result.stdout().size(), () -> String.join("\n", result.stdout()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> files = (List<Map<String, Object>>) expected.get("files");
        for (Map<String, Object> file : files) {
            assertTrue(Files.size(work.resolve((String) file.get("name"))) > 0, file.get("name") + " written");
        }
    }

    /** Name, type and tags of each metric: their values vary from run to run (timers) in the corpus's readings. */
    @SuppressWarnings("unchecked")
    private static List<String> metrics(Object metrics) {
        List<String> out = new ArrayList<>();
        for (Object m : (List<Object>) metrics) {
            Map<String, Object> metric = (Map<String, Object>) m;
            out.add(metric.get("name") + " " + String.valueOf(metric.get("type")).toLowerCase() + " " + ToolJson.write(metric.get("tags")));
        }
        return out;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
