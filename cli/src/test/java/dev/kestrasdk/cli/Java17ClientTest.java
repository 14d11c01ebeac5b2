package dev.kestrasdk.cli;

import com.fasterxml.jackson.core.JsonFactory;
import dev.kestrasdk.Kestra;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * java-sdk is compiled for Java 17 so that JVM scripts on a Java 17 task can use it: a Java 17 runtime compiles
 * and runs a program against the java-sdk jar and jackson-core, and sees the module's exports.
 */
class Java17ClientTest {
    private static Path java17;
    private static String sdk;
    private static String jackson;

    @BeforeAll
    static void findJava17() throws Exception {
        java17 = java17();
        Assumptions.assumeTrue(java17 != null, "no Java 17 runtime: neither /usr/lib/jvm/*17*/bin/java nor `java` on the PATH reports version 17");
        sdk = location(Kestra.class);
        jackson = location(JsonFactory.class);
    }

    @Test
    void aJava17ProgramCallsTheFacade(@TempDir Path dir) throws Exception {
        Path program = dir.resolve("Hello.java");
        Files.writeString(program, String.join("\n",
                "import dev.kestrasdk.Kestra;",
                "import java.util.Map;",
                "public class Hello {",
                "    public static void main(String[] args) {",
                "        Kestra.outputs(Map.of(\"rows\", 42, \"runtime\", Runtime.version().feature()));",
                // Java 17 has no SequencedCollection: the ordered JDK collections are still lists, a HashSet still refused
                "        Kestra.outputs(Map.of(\"ordered\", new java.util.LinkedHashSet<>(java.util.List.of(\"b\", \"a\")),",
                "                \"deque\", new java.util.ArrayDeque<>(java.util.List.of(1, 2)), \"sorted\", new java.util.TreeSet<>(java.util.List.of(2, 1))));",
                "        try {",
                "            Kestra.outputs(Map.of(\"s\", new java.util.HashSet<>(java.util.List.of(1))));",
                "        } catch (dev.kestrasdk.wire.WireFormatException e) {",
                "            System.out.println(e.getMessage());",
                "        }",
                "    }",
                "}", ""));
        Result r = run(java17.toString(), "-cp", sdk + File.pathSeparator + jackson, program.toString());
        assertEquals(0, r.exit, r.err);
        assertEquals("::{\"outputs\":{\"rows\":42,\"runtime\":17}}::\n"
                + "::{\"outputs\":{\"deque\":[1,2],\"ordered\":[\"b\",\"a\"],\"sorted\":[1,2]}}::\n"
                + "outputs.s: unordered collection java.util.HashSet has no deterministic order;"
                + " pass a List or an ordered collection (LinkedHashSet, SortedSet)\n", r.out, r.err);
    }

    @Test
    void aJava17ScriptReportsOutputsMetricsLogsAndReadsTheContext(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".kestra-execution-context.json"),
                "{\"inputs\": {\"dataset\": \"orders.csv\"}, \"flow\": {\"id\": \"orders\", \"namespace\": \"company\"},"
                        + " \"execution\": {\"id\": \"exec1\"}, \"labels\": {\"env\": \"prod\"}}");
        Path program = dir.resolve("Script.java");
        Files.writeString(program, String.join("\n",
                "import dev.kestrasdk.Kestra;",
                "import dev.kestrasdk.emit.KestraJulHandler;",
                "import java.time.Duration;",
                "import java.util.*;",
                "import java.util.logging.Logger;",
                "public class Script {",
                "    public static void main(String[] args) {",
                "        var context = Kestra.context();",
                "        Kestra.outputs(Map.of(\"dataset\", context.inputs().getString(\"dataset\"), \"flow\", context.flowId(),",
                "                \"execution\", context.executionId(), \"env\", context.labels().getString(\"env\")));",
                "        Kestra.counter(\"rows\", 42, Map.of(\"file\", \"a.csv\"));",
                "        Kestra.gauge(\"ratio\", 0.5);",
                "        Kestra.timer(\"load\", Duration.ofMillis(1500));",
                "        List<Integer> list = new ArrayList<>();",
                "        Kestra.record(\"add\", () -> list.add(1));",
                "        Kestra.logger().info(\"rows: {}\", 42);",
                "        Kestra.logger().warn(\"rows: {} of {}\", \"42\", list.size());",
                "        Exception e = new IllegalStateException(\"boom\");",
                "        e.setStackTrace(new StackTraceElement[] {new StackTraceElement(\"Script\", \"main\", \"Script.java\", 9)});",
                "        Kestra.logger().error(\"load of {} failed\", \"a.csv\", e);",
                "        KestraJulHandler.install();",
                "        Logger.getLogger(\"jdk.library\").warning(\"through java.util.logging\");",
                "        try {",
                "            context.labels().getString(\"team\");",
                "        } catch (NoSuchElementException missing) {",
                "            System.out.println(missing.getMessage());",
                "        }",
                "    }",
                "}", ""));
        Process p = new ProcessBuilder(java17.toString(), "-cp", sdk + File.pathSeparator + jackson, program.toString())
                .directory(dir.toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        assertEquals("", err);
        List<String> lines = out.lines().toList();
        assertEquals(10, lines.size(), out);
        assertEquals("::{\"outputs\":{\"dataset\":\"orders.csv\",\"env\":\"prod\",\"execution\":\"exec1\",\"flow\":\"orders\"}}::", lines.get(0));
        assertEquals("::{\"metrics\":[{\"name\":\"rows\",\"tags\":{\"file\":\"a.csv\"},\"type\":\"counter\",\"value\":42}]}::", lines.get(1));
        assertEquals("::{\"metrics\":[{\"name\":\"ratio\",\"tags\":{},\"type\":\"gauge\",\"value\":0.5}]}::", lines.get(2));
        assertEquals("::{\"metrics\":[{\"name\":\"load\",\"tags\":{},\"type\":\"timer\",\"value\":1.5}]}::", lines.get(3));
        // the one value the clock decides
        assertTrue(lines.get(4).matches("::\\{\"metrics\":\\[\\{\"name\":\"add\",\"tags\":\\{},\"type\":\"timer\",\"value\":[0-9.E-]+}]}::"), lines.get(4));
        assertEquals("::{\"logs\":[{\"level\":\"INFO\",\"message\":\"rows: 42\"}]}::", lines.get(5));
        assertEquals("::{\"logs\":[{\"level\":\"WARN\",\"message\":\"rows: 42 of 1\"}]}::", lines.get(6));
        assertEquals("::{\"logs\":[{\"level\":\"ERROR\",\"message\":\"load of a.csv failed\\njava.lang.IllegalStateException: boom"
                + "\\n\\tat Script.main(Script.java:9)\"}]}::", lines.get(7));
        assertEquals("::{\"logs\":[{\"level\":\"WARN\",\"message\":\"[jdk.library] through java.util.logging\"}]}::", lines.get(8));
        assertEquals("'team' is not available in the execution context (available: env)", lines.get(9));
    }

    @Test
    void onTheModulePathOnlyTheApiIsExported() throws Exception {
        Result r = run(java17.toString(), "--module-path", sdk + File.pathSeparator + jackson, "--describe-module", "dev.kestrasdk");
        assertEquals(0, r.exit, r.err);
        List<String> lines = r.out.lines().skip(1).sorted().toList(); // the first line is the module's location
        assertEquals(List.of(
                "contains dev.kestrasdk.internal",
                "contains dev.kestrasdk.internal.wire",
                "exports dev.kestrasdk",
                "exports dev.kestrasdk.emit",
                "exports dev.kestrasdk.parse",
                "exports dev.kestrasdk.protocol",
                "exports dev.kestrasdk.sink",
                "exports dev.kestrasdk.wire",
                "requires com.fasterxml.jackson.core",
                "requires java.base mandated",
                "requires java.logging transitive",
                "uses dev.kestrasdk.sink.LineSinkProvider"), lines);
    }

    /** /usr/lib/jvm/*17* first (the machine's default may change), then {@code java} on the PATH. */
    private static Path java17() throws Exception {
        List<Path> candidates = new ArrayList<>();
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> s = Files.list(jvms)) {
                s.filter(p -> p.getFileName().toString().contains("17")).sorted().map(p -> p.resolve("bin/java")).forEach(candidates::add);
            }
        }
        candidates.add(Path.of("java"));
        for (Path java : candidates) {
            if (java.isAbsolute() && !Files.isExecutable(java)) {
                continue;
            }
            try {
                Result r = run(java.toString(), "-version");
                if (r.exit == 0 && r.err.matches("(?s)\\S+ version \"17[.\"].*")) {
                    return java;
                }
            } catch (IOException e) {
                // not runnable: try the next
            }
        }
        return null;
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
