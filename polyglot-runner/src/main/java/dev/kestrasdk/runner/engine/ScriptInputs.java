package dev.kestrasdk.runner.engine;

import dev.kestrasdk.internal.wire.WireEncoder;
import dev.kestrasdk.runner.json.ToolJson;
import dev.kestrasdk.wire.WireFormatException;

import java.util.Map;

/**
 * The inputs as every script receives them, in any language: one JSON object. The SDK's encoder writes it (so
 * dates become ISO-8601 strings, keys are in canonical order, non-ASCII is escaped, and unsupported values are
 * refused with their path); the tools' JSON reader gives the same object as plain values (null, Boolean,
 * Integer/Long/BigInteger, Double, String, List, Map) to build a Python dict from.
 *
 * @param json   one JSON object: what JavaScript's {@code JSON.parse} and a Java script's {@code kestra.inputs} get
 * @param values the same, as Java values
 */
public record ScriptInputs(String json, Map<String, Object> values) {

    /** @throws WireFormatException naming the input ({@code inputs.cfg.a}) that is not a JSON value */
    @SuppressWarnings("unchecked")
    public static ScriptInputs of(Map<String, Object> inputs) {
        String json;
        try {
            json = WireEncoder.json(inputs);
        } catch (WireFormatException e) {
            String path = e.path().startsWith("value") ? "inputs" + e.path().substring("value".length()) : e.path();
            throw new WireFormatException(e.kind(), path, e.problem());
        }
        return new ScriptInputs(json, (Map<String, Object>) ToolJson.read(json));
    }

    /** One input's value as JSON text ({@code 10}, {@code "world"}, {@code {"a":[1,2]}}), written as {@link #json}. */
    public static String jsonOf(Object value) {
        return WireEncoder.json(value);
    }
}
