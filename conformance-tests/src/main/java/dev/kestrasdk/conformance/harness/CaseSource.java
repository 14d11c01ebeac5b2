package dev.kestrasdk.conformance.harness;

import dev.kestrasdk.conformance.vectors.VectorCase;
import dev.kestrasdk.conformance.vectors.Vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Where cases come from: the shipped test vectors (or any vector file), and the {@code --case} filter. */
public final class CaseSource {
    private CaseSource() {
    }

    /** Every shipped vector ({@code vectors/*.json} on the class path). */
    public static List<ConformanceCase> shipped() {
        return Vectors.loadAll().stream().map(CaseSource::of).toList();
    }

    /** The cases of a vector file's text (same schema as the shipped ones). */
    public static List<ConformanceCase> parse(String file, String text) {
        return Vectors.parse(file, text, true).stream().map(CaseSource::of).toList();
    }

    public static ConformanceCase of(VectorCase v) {
        return new ConformanceCase(v.id(), v.group(), v.description(), v.callsJson(), v.expectedLines(),
                v.expectedError() == null ? null
                        : new ConformanceCase.ExpectedError(v.expectedError().kind().name(), v.expectedError().path()),
                v.languages());
    }

    /**
     * The cases whose id matches one of the comma-separated patterns: a glob ({@code *} any text, {@code ?} one
     * character) matched against the whole id, or, without wildcards, a part of the id.
     */
    public static List<ConformanceCase> filter(List<ConformanceCase> cases, String patterns) {
        if (patterns == null || patterns.isBlank()) {
            return cases;
        }
        List<Pattern> compiled = new ArrayList<>();
        for (String p : patterns.split(",")) {
            String t = p.strip();
            if (t.isEmpty()) {
                continue;
            }
            StringBuilder re = new StringBuilder();
            boolean glob = t.contains("*") || t.contains("?");
            if (!glob) {
                re.append(".*");
            }
            for (char c : t.toCharArray()) {
                re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            }
            if (!glob) {
                re.append(".*");
            }
            compiled.add(Pattern.compile(re.toString()));
        }
        return cases.stream().filter(c -> compiled.stream().anyMatch(p -> p.matcher(c.id()).matches())).toList();
    }
}
