package dev.kestrasdk.conformance.vectors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One SDK call of a vector, its arguments decoded to Java values ({@link TypedValues}).
 *
 * <ul>
 *   <li>{@code outputs}, {@code assets}: {@code values} (any value; the SDK refuses non-maps);</li>
 *   <li>{@code counter}, {@code gauge}, {@code timer}: {@code name} (a String or null), {@code value} (any
 *       value), {@code tags} (a Map, or null; absent means none);</li>
 *   <li>{@code log}: {@code level} (TRACE, DEBUG, INFO, WARN, ERROR or null), {@code messages} (a list of
 *       Strings and nulls, or null).</li>
 * </ul>
 *
 * @param verb one of {@link #VERBS}
 * @param args the decoded arguments by name, in the order of the file; a key absent from the file is absent here
 */
public record Call(String verb, Map<String, Object> args) {
    public static final List<String> VERBS = List.of("outputs", "counter", "gauge", "timer", "log", "assets");
    public static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    static final Map<String, Set<String>> ARGS = Map.of(
            "outputs", Set.of("values"),
            "assets", Set.of("values"),
            "counter", Set.of("name", "value", "tags"),
            "gauge", Set.of("name", "value", "tags"),
            "timer", Set.of("name", "value", "tags"),
            "log", Set.of("level", "messages"));

    public Call {
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }
}
