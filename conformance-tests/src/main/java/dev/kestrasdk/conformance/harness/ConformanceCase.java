package dev.kestrasdk.conformance.harness;

import dev.kestrasdk.runner.json.ToolJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One test vector as the harness uses it: the calls to make (raw JSON, sent to the adapter as they are) and
 * what the reference encoder does with them.
 *
 * @param id            unique, stable identifier (used in known-deviations files)
 * @param group         the vector group (file or description) it belongs to
 * @param callsJson     the compact JSON array of calls, typed values still tagged ({@code {"$int":"..."}})
 * @param expectedLines the canonical lines, without line terminators, in order
 * @param expectedError the error the last call raises, or {@code null}
 * @param languages     notes per language ({@code js}, {@code python}, ...), possibly empty
 */
public record ConformanceCase(String id, String group, String description, String callsJson,
                              List<String> expectedLines, ExpectedError expectedError, Map<String, String> languages) {

    /** The refusal the reference encoder raises at the last call. */
    public record ExpectedError(String kind, String path) {
        public ExpectedError {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public String toString() {
            return "a " + kind + " error" + (path == null ? "" : " at " + shortPath(path));
        }
    }

    /** A path as shown in reasons: a very deep one is cut in the middle. */
    static String shortPath(String path) {
        return path.length() <= 80 ? path : path.substring(0, 40) + "...(" + path.length() + " chars)..." + path.substring(path.length() - 20);
    }

    public ConformanceCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(callsJson, "callsJson");
        group = group == null ? "" : group;
        description = description == null ? "" : description;
        expectedLines = List.copyOf(expectedLines);
        languages = languages == null ? Map.of() : Map.copyOf(languages);
    }

    /** The request line the harness writes to the adapter's standard input. */
    public String requestLine() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("case", id);
        request.put("calls", ToolJson.readExact(callsJson));
        return ToolJson.write(request);
    }
}
