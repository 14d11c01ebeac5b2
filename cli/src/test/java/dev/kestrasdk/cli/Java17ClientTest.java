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
    void onTheModulePathOnlyTheApiIsExported() throws Exception {
        Result r = run(java17.toString(), "--module-path", sdk + File.pathSeparator + jackson, "--describe-module", "dev.kestrasdk");
        assertEquals(0, r.exit, r.err);
        List<String> lines = r.out.lines().skip(1).sorted().toList(); // the first line is the module's location
        assertEquals(List.of(
                "contains dev.kestrasdk.internal.wire",
                "exports dev.kestrasdk",
                "exports dev.kestrasdk.emit",
                "exports dev.kestrasdk.parse",
                "exports dev.kestrasdk.protocol",
                "exports dev.kestrasdk.sink",
                "exports dev.kestrasdk.wire",
                "requires com.fasterxml.jackson.core",
                "requires java.base mandated",
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
