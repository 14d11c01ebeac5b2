package dev.kestrasdk.slf4j;

import com.fasterxml.jackson.core.JsonFactory;
import dev.kestrasdk.Kestra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JBang script with {@code //DEPS dev.kestrasdk:kestra-slf4j:VERSION} runs as docs/java.md shows it: JBang
 * (dev.jbang:jbang-cli from Maven Central) resolves the SDK from a local repository this test installs it into,
 * as {@code ./mvnw install} lays it out, and the rest (jackson-core, slf4j-api and their parent poms) from the
 * build's own Maven repository as a {@code file://} URL: no network.
 */
class JBangScriptTest {
    private static final String VERSION = System.getProperty("kestra-sdk.version");

    @TempDir
    Path dir;

    @Test
    void aJBangScriptWithDepsReportsToKestra() throws Exception {
        Path repository = dir.resolve("repository");
        Path project = Path.of("").toAbsolutePath().getParent();
        install(repository, "kestra-sdk-parent", null, project.resolve("pom.xml"));
        install(repository, "java-sdk", jar(location(Kestra.class)), project.resolve("java-sdk/pom.xml"));
        install(repository, "kestra-slf4j", jar(location(KestraServiceProvider.class)), project.resolve("kestra-slf4j/pom.xml"));
        Path script = dir.resolve("orders.java");
        Files.writeString(script, String.join("\n",
                "///usr/bin/env jbang \"$0\" \"$@\" ; exit $?",
                "//DEPS dev.kestrasdk:kestra-slf4j:" + VERSION,
                "import dev.kestrasdk.Kestra;",
                "import java.util.Map;",
                "import org.slf4j.LoggerFactory;",
                "public class orders {",
                "    public static void main(String[] args) {",
                "        Kestra.outputs(Map.of(\"rows\", 42));",
                "        Kestra.counter(\"rows\", 42, Map.of(\"file\", \"a.csv\"));",
                "        Kestra.logger().info(\"rows: {}\", 42);",
                "        LoggerFactory.getLogger(\"com.example.library\").warn(\"through SLF4J\");",
                "    }",
                "}", ""));

        // JBang's launcher script runs dev.jbang.Main, which builds the script and prints the command to run (exit 255)
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path mavenRepository = repositoryRoot(location(JsonFactory.class));
        List<String> jbang = List.of(java, "-cp", jbangClassPath(), "dev.jbang.Main", "run",
                "--repos", "build=" + mavenRepository.toUri(), script.toString());
        Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"), "JBANG_DIR", dir.resolve("jbang").toString(),
                "JBANG_REPO", repository.toString(), "JBANG_NO_VERSION_CHECK", "true");
        Result built = run(jbang, env);
        assertEquals(255, built.exit, built.err);
        Result ran = run(List.of("sh", "-c", built.out.strip()), env);
        assertEquals(0, ran.exit, ran.err);
        assertEquals("", ran.err);
        assertEquals("::{\"outputs\":{\"rows\":42}}::\n"
                + "::{\"metrics\":[{\"name\":\"rows\",\"tags\":{\"file\":\"a.csv\"},\"type\":\"counter\",\"value\":42}]}::\n"
                + "::{\"logs\":[{\"level\":\"INFO\",\"message\":\"rows: 42\"}]}::\n"
                + "::{\"logs\":[{\"level\":\"WARN\",\"message\":\"[com.example.library] through SLF4J\"}]}::\n", ran.out);
    }

    /** What {@code mvn install} leaves: {@code dev/kestrasdk/<artifact>/<version>/<artifact>-<version>.{jar,pom}}. */
    private static void install(Path repository, String artifact, Path jar, Path pom) throws IOException {
        Path folder = Files.createDirectories(repository.resolve("dev/kestrasdk").resolve(artifact).resolve(VERSION));
        Files.copy(pom, folder.resolve(artifact + "-" + VERSION + ".pom"));
        if (jar != null) {
            Files.copy(jar, folder.resolve(artifact + "-" + VERSION + ".jar"));
        }
    }

    /** The module's jar; when the tests run before {@code package} (a class folder), a jar of that folder. */
    private Path jar(Path location) throws IOException {
        if (!Files.isDirectory(location)) {
            return location;
        }
        Path jar = Files.createTempFile(dir, "classes", ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(location)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(location.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** jackson-core's jar sits at {@code <repository>/com/fasterxml/jackson/core/jackson-core/<version>/}. */
    private static Path repositoryRoot(Path jacksonJar) {
        Path root = jacksonJar;
        for (int i = 0; i < 7; i++) {
            root = root.getParent();
        }
        assertTrue(Files.isDirectory(root.resolve("com/fasterxml/jackson/core")), () -> "not a Maven repository: " + jacksonJar);
        return root;
    }

    /** The test class path without this module's classes and the test engine: JBang and its libraries. */
    private static String jbangClassPath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("junit") && !entry.contains("opentest4j") && !entry.contains("apiguardian"))
                .filter(entry -> !Files.isDirectory(Path.of(entry)))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static Path location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private record Result(int exit, String out, String err) {
    }

    private Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
        Map<String, String> environment = new HashMap<>(env);
        pb.environment().putAll(environment);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            // no input
        }
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), () -> "timed out: " + String.join(" ", command));
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
