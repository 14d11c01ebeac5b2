package dev.kestrasdk.conformance.sdk;

import dev.kestrasdk.conformance.kestra.Extracted;
import dev.kestrasdk.conformance.kestra.Judgement;
import dev.kestrasdk.conformance.kestra.KestraJudge;
import dev.kestrasdk.conformance.vectors.CallPlayer;
import dev.kestrasdk.conformance.vectors.LanguageNote;
import dev.kestrasdk.conformance.vectors.VectorCase;
import dev.kestrasdk.conformance.vectors.Vectors;
import dev.kestrasdk.emit.Emitter;
import dev.kestrasdk.parse.LineParser;
import dev.kestrasdk.parse.ParsedLine;
import dev.kestrasdk.sink.CollectingSink;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every vector through the Java SDK ({@link Emitter} into a {@link CollectingSink}): the same lines, byte for
 * byte, and the same error kind and path; and every expected line is one Kestra 1.3.19 accepts, reading the same
 * values as the SDK's own {@link LineParser}, with no diagnostic.
 */
class JavaSdkVectorsTest {
    private static final LineParser PARSER = new LineParser();

    @TestFactory
    Stream<DynamicNode> javaSdk() {
        return Vectors.loadAll().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(c)));
    }

    private static void check(VectorCase c) {
        String note = c.note("java");
        if (note != null) {
            LanguageNote n = LanguageNote.parse(note);
            Assumptions.assumeTrue(n.expressible(), n.reason());
        }
        List<String> warnings = new ArrayList<>();
        Emitter emitter = new Emitter(new CollectingSink(), warnings::add);
        CallPlayer.Outcome o = CallPlayer.play(c.calls(), emitter);
        assertEquals(c.expectedLines(), o.lines(), c.id() + ": lines");
        if (c.expectedError() == null) {
            assertNull(o.error(), () -> c.id() + ": unexpected error " + o.error().getMessage());
        } else {
            assertTrue(c.expectedError().matches(o.error()), () -> c.id() + ": expected " + c.expectedError() + ", got "
                    + (o.error() == null ? "no error" : o.error().kind() + " at " + o.error().path() + " (" + o.error().getMessage() + ")"));
            assertEquals(c.calls().size() - 1, o.failedCall(), c.id() + ": only the last call raises");
            assertTrue(o.error().getMessage().startsWith(o.error().path() + ": "), "message starts with the path");
        }
        for (String line : c.expectedLines()) {
            kestraReadsWithoutLoss(c.id(), line);
        }
    }

    /** Kestra accepts the line and reads what our parser reads; our parser has nothing to say about it. */
    static void kestraReadsWithoutLoss(String id, String line) {
        Judgement j = KestraJudge.INSTANCE.judge(line);
        assertEquals(Judgement.Verdict.ACCEPTED, j.verdict(), () -> id + ": Kestra " + j + " for " + line);
        ParsedLine parsed = PARSER.parse(line);
        assertTrue(parsed.diagnostics().isEmpty(), () -> id + ": parser diagnostics " + parsed.diagnostics());
        assertEquals(j.extracted(), Extracted.of(parsed.message()), () -> id + ": Kestra and the SDK's parser read " + line + " differently");
    }

    @Test
    void everyFileIsListedAndEveryTopicHasCases() throws IOException {
        Path dir = Path.of("src/main/resources/vectors");
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).forEach(files::add);
        }
        assertEquals(new TreeSet<>(Vectors.FILES), files, "Vectors.FILES lists exactly the .json files");
        List<VectorCase> all = Vectors.loadAll();
        assertTrue(all.size() >= 150, "at least 150 vectors: " + all.size());
        for (String file : Vectors.FILES) {
            assertTrue(!Vectors.load(file).isEmpty(), file);
        }
    }

    @Test
    void badFilesAreRefusedNamingFileAndCase() {
        String unknownVerb = "[{\"description\":\"g\",\"cases\":[{\"id\":\"x-1\",\"description\":\"d\",\"calls\":[{\"verb\":\"histogram\",\"args\":{}}],\"expect\":{\"lines\":[]}}]}]";
        String unknownTag = "[{\"description\":\"g\",\"cases\":[{\"id\":\"x-2\",\"description\":\"d\",\"calls\":[{\"verb\":\"outputs\",\"args\":{\"values\":{\"a\":{\"$bigint\":\"1\"}}}}],\"expect\":{\"lines\":[]}}]}]";
        String badKind = "[{\"description\":\"g\",\"cases\":[{\"id\":\"x-3\",\"description\":\"d\",\"calls\":[{\"verb\":\"outputs\",\"args\":{\"values\":{}}}],\"expect\":{\"lines\":[],\"error\":{\"kind\":\"OTHER\",\"path\":\"outputs\"}}}]}]";
        for (String[] t : new String[][] {{unknownVerb, "x-1", "unknown verb"}, {unknownTag, "x-2", "unknown tag $bigint"}, {badKind, "x-3", "TYPE or VALUE"}}) {
            try {
                Vectors.parse("bad.json", t[0], true);
                fail("accepted " + t[0]);
            } catch (dev.kestrasdk.conformance.vectors.VectorFormatException e) {
                assertTrue(e.getMessage().startsWith("bad.json: case " + t[1] + ": "), e.getMessage());
                assertTrue(e.getMessage().contains(t[2]), e.getMessage());
            }
        }
    }

    @Test
    void callsJsonIsCompactAscii() {
        for (VectorCase c : Vectors.loadAll()) {
            assertTrue(c.callsJson().chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f), c.id());
            assertTrue(c.callsJson().startsWith("[{\"verb\":"), c.id());
        }
        Map<String, Long> byFile = new java.util.TreeMap<>();
        for (String f : Vectors.FILES) {
            byFile.put(f, (long) Vectors.load(f).size());
        }
        System.out.println("vectors per file: " + byFile);
    }
}
