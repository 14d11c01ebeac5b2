package dev.kestrasdk.conformance.vectors;

import java.util.List;
import java.util.Map;

/**
 * One test vector.
 *
 * @param id            unique across all vector files (kebab case)
 * @param group         the description of the group it belongs to
 * @param description   the rule it checks
 * @param callsJson     the "calls" array exactly as data, compact JSON (ASCII, non-ASCII escaped), ready to hand
 *                      to an adapter in another language
 * @param calls         the calls decoded to Java values
 * @param expectedLines the lines the calls print, in order, without line terminators
 * @param expectedError the error the last call raises, or {@code null} if every call succeeds
 * @param languages     per language ({@code js}, {@code python}, ...), why it cannot express the case or what it
 *                      prints instead (see vectors/README.md for the note syntax); empty for most cases
 */
public record VectorCase(String id, String group, String description, String callsJson, List<Call> calls,
                         List<String> expectedLines, ExpectedError expectedError, Map<String, String> languages) {
    public VectorCase {
        calls = List.copyOf(calls);
        expectedLines = List.copyOf(expectedLines);
        languages = Map.copyOf(languages);
    }

    /** The note for a language, or {@code null}. */
    public String note(String language) {
        return languages.get(language);
    }

    @Override
    public String toString() {
        return id;
    }
}
