package dev.kestrasdk.conformance.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The harness tests' own hand-made cases and fake adapter (src/test/resources/harness). */
final class Samples {
    private Samples() {
    }

    static List<ConformanceCase> cases() {
        try (InputStream in = Samples.class.getResourceAsStream("/harness/sample-vectors.json")) {
            return CaseSource.parse("sample-vectors.json", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConformanceCase byId(String id) {
        return cases().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    static Path resource(String name) {
        try {
            return Path.of(Samples.class.getResource("/harness/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
