package dev.kestrasdk.runner.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON as Kestra's templates write it (compact, non-ASCII characters as they are, map keys in their order), for
 * {@code toJson} and for lists and maps printed by {@code {{ }}}. Not {@code ToolJson.write}: that one escapes
 * non-ASCII for the tools' own output, which would change what a script receives.
 */
final class KestraJson {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private KestraJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** A JSON node as template values: maps, lists, strings, numbers, booleans, null. */
    static Object value(JsonNode node) {
        return MAPPER.convertValue(node, Object.class);
    }
}
