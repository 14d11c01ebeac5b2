package dev.kestrasdk.conformance.sdk;

import dev.kestrasdk.conformance.vectors.CallPlayer;
import dev.kestrasdk.conformance.vectors.ExpectedError;
import dev.kestrasdk.conformance.vectors.LanguageNote;
import dev.kestrasdk.conformance.vectors.RawJson;
import dev.kestrasdk.conformance.vectors.VectorCase;
import dev.kestrasdk.conformance.vectors.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes each vector's {@code expect} from what the Java SDK does with its calls, and its notes for every
 * language with a {@link GuestView} ({@code js}, {@code python}) from what that language's calls print
 * ({@link GuestViews}), then rewrites the files in one layout. Not a test: run it after editing the vectors,
 * then review the diff line by line.
 *
 * <pre>mvn -o -pl conformance-tests test -Dtest=VectorFileGenerator -Dvectors.generate=true</pre>
 *
 * A case whose {@code java} note says it is not expressible in Java keeps the expectation written by hand.
 */
@EnabledIfSystemProperty(named = "vectors.generate", matches = "true")
class VectorFileGenerator {
    private static final Path DIR = Path.of("src/main/resources/vectors");

    @Test
    void generate() throws IOException {
        for (String file : Vectors.FILES) {
            Path path = DIR.resolve(file);
            if (!Files.exists(path)) {
                System.out.println("missing " + path);
                continue;
            }
            String text = Files.readString(path, StandardCharsets.UTF_8);
            List<VectorCase> cases = Vectors.parse(file, text, false);
            List<?> groups = (List<?>) RawJson.parse(text);
            StringBuilder out = new StringBuilder("[\n");
            int at = 0;
            for (int g = 0; g < groups.size(); g++) {
                Map<?, ?> group = (Map<?, ?>) groups.get(g);
                out.append("  {\n    \"description\": ").append(RawJson.compact(group.get("description"))).append(",\n    \"cases\": [\n");
                List<?> raws = (List<?>) group.get("cases");
                for (int c = 0; c < raws.size(); c++) {
                    Map<?, ?> raw = (Map<?, ?>) raws.get(c);
                    VectorCase vc = cases.get(at++);
                    write(out, raw, vc);
                    out.append(c + 1 < raws.size() ? ",\n" : "\n");
                }
                out.append("    ]\n  }").append(g + 1 < groups.size() ? ",\n" : "\n");
            }
            out.append("]\n");
            Files.writeString(path, out.toString(), StandardCharsets.UTF_8);
            System.out.println("wrote " + path + ": " + cases.size() + " cases");
        }
    }

    private static void write(StringBuilder out, Map<?, ?> raw, VectorCase vc) {
        Map<String, String> notes = new LinkedHashMap<>();
        if (raw.get("languages") instanceof Map<?, ?> l) {
            l.forEach((k, v) -> notes.put((String) k, (String) v));
        }
        List<String> lines;
        ExpectedError error;
        String java = notes.get("java");
        if (java != null && !LanguageNote.parse(java).expressible()) {
            lines = vc.expectedLines();
            error = vc.expectedError();
        } else {
            CallPlayer.Outcome o = CallPlayer.play(vc.calls());
            if (o.error() != null && o.failedCall() != vc.calls().size() - 1) {
                throw new AssertionError(vc.id() + ": call " + o.failedCall() + " raised " + o.error().getMessage()
                        + ", but only the last call of a case may raise");
            }
            lines = o.lines();
            error = o.error() == null ? null : new ExpectedError(o.error().kind(), o.error().path());
            if (o.error() != null) {
                System.out.println(vc.id() + ": " + o.error().getMessage().substring(0, Math.min(200, o.error().getMessage().length())));
            }
        }
        for (String language : GuestViews.ALL.keySet()) {
            notes.remove(language);
            String note = note(language, vc, lines, error);
            if (note != null) {
                notes.put(language, note);
            }
        }
        out.append("      {\n");
        out.append("        \"id\": ").append(RawJson.compact(vc.id())).append(",\n");
        out.append("        \"description\": ").append(RawJson.compact(vc.description())).append(",\n");
        out.append("        \"calls\": [\n");
        List<?> calls = (List<?>) raw.get("calls");
        for (int i = 0; i < calls.size(); i++) {
            out.append("          ").append(RawJson.compact(calls.get(i))).append(i + 1 < calls.size() ? ",\n" : "\n");
        }
        out.append("        ],\n");
        out.append("        \"expect\": {\n          \"lines\": [");
        for (int i = 0; i < lines.size(); i++) {
            out.append(i == 0 ? "\n" : ",\n").append("            ").append(RawJson.compact(lines.get(i)));
        }
        out.append(lines.isEmpty() ? "]" : "\n          ]");
        if (error != null) {
            out.append(",\n          \"error\": {\"kind\": \"").append(error.kind()).append("\", \"path\": ")
                    .append(RawJson.compact(error.path())).append("}");
        }
        out.append("\n        }");
        if (!notes.isEmpty()) {
            out.append(",\n        \"languages\": {");
            int i = 0;
            for (Map.Entry<String, String> n : notes.entrySet()) {
                out.append(i++ == 0 ? "\n" : ",\n").append("          ").append(RawJson.compact(n.getKey())).append(": ")
                        .append(RawJson.compact(n.getValue()));
            }
            out.append("\n        }");
        }
        out.append("\n      }");
    }

    private static String note(String language, VectorCase vc, List<String> lines, ExpectedError error) {
        GuestViews.View view = GuestViews.of(language, vc.callsJson());
        if (view.notExpressible() != null) {
            return view.notExpressible();
        }
        CallPlayer.Outcome o;
        try {
            o = CallPlayer.play(view.calls());
        } catch (UnsupportedOperationException e) {
            return null; // a value Java cannot pass: the hand-written expectation is the language's
        }
        ExpectedError e = o.error() == null ? null : new ExpectedError(o.error().kind(), o.error().path());
        if (o.lines().equals(lines) && java.util.Objects.equals(e, error)) {
            return null;
        }
        List<String> reasons = new ArrayList<>(view.reasons());
        String reason = reasons.isEmpty() ? "differs" : String.join("; ", reasons);
        return LanguageNote.format(reason, o.lines(), e);
    }
}
