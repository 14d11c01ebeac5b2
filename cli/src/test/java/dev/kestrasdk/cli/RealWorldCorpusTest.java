package dev.kestrasdk.cli;

import dev.kestrasdk.runner.json.ToolJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The collected corpus under examples/real-world/ is whole: every case names its source and licence, holds the
 * script byte for byte as its source has it (the sha256 recorded when it was collected), and has its native
 * reading. Running the corpus through {@code run} is issue 18's acceptance test, not this one.
 */
class RealWorldCorpusTest {
    private static final Path CORPUS = Path.of("..", "examples", "real-world").toAbsolutePath().normalize();

    @Test
    void everyCaseIsCompleteAndItsScriptUnchanged() throws Exception {
        List<Path> cases = cases();
        assertTrue(cases.size() >= 30, "the corpus holds " + cases.size() + " cases, fewer than 30");
        List<String> problems = new ArrayList<>();
        for (Path dir : cases) {
            String name = dir.getFileName().toString();
            for (String file : List.of("SOURCE.md", "case.json", "expected.json")) {
                if (!Files.isRegularFile(dir.resolve(file))) {
                    problems.add(name + ": no " + file);
                }
            }
            if (!Files.isRegularFile(dir.resolve("case.json"))) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> c = (Map<String, Object>) ToolJson.read(Files.readString(dir.resolve("case.json")));
            Path script = dir.resolve((String) c.get("script"));
            if (!Files.isRegularFile(script)) {
                problems.add(name + ": no " + c.get("script"));
                continue;
            }
            String sha = sha256(script);
            if (!sha.equals(c.get("sourceSha256"))) {
                problems.add(name + ": " + c.get("script") + " has sha256 " + sha + ", case.json records " + c.get("sourceSha256"));
            }
            String source = Files.readString(dir.resolve("SOURCE.md"), StandardCharsets.UTF_8);
            if (!source.contains(sha)) {
                problems.add(name + ": SOURCE.md does not record the script's sha256");
            }
            if (!source.toLowerCase(java.util.Locale.ROOT).contains("licence")) {
                problems.add(name + ": SOURCE.md says nothing of the source's licence");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void bothLanguagesAreThere() throws Exception {
        long js = 0;
        long python = 0;
        for (Path dir : cases()) {
            String language = (String) ((Map<?, ?>) ToolJson.read(Files.readString(dir.resolve("case.json")))).get("language");
            js += "javascript".equals(language) ? 1 : 0;
            python += "python".equals(language) ? 1 : 0;
        }
        assertTrue(js >= 10, "JavaScript cases: " + js);
        assertTrue(python >= 20, "Python cases: " + python);
    }

    private static List<Path> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("case.json"))).sorted().toList();
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
