package dev.kestrasdk.runner.engine;

import dev.kestrasdk.parse.LineParser;
import dev.kestrasdk.parse.ParsedLine;
import dev.kestrasdk.internal.wire.WireEncoder;
import dev.kestrasdk.wire.WireFormatException;

import java.util.Map;

/**
 * The inputs as a guest receives them: plain JSON values, never Java objects. They are written by the SDK's
 * encoder (so dates become ISO-8601 strings and unsupported values are refused with their path) and read back
 * as Kestra reads a line, which gives both the JSON text (for {@code JSON.parse}) and the JSON values
 * (null, Boolean, Integer/Long/BigInteger, Double, String, List, Map) to build a Python dict from.
 *
 * @param json   one JSON object
 * @param values the same, as Java values
 */
public record ScriptInputs(String json, Map<String, Object> values) {
    private static final String PREFIX = "::{\"outputs\":";
    private static final String SUFFIX = "}::";

    public static ScriptInputs of(Map<String, Object> inputs) {
        String line;
        try {
            line = WireEncoder.outputsLine(inputs);
        } catch (WireFormatException e) {
            String path = e.path().startsWith("outputs") ? "inputs" + e.path().substring("outputs".length()) : e.path();
            throw new WireFormatException(e.kind(), path, e.problem());
        }
        ParsedLine read = new LineParser().parse(line);
        if (!read.accepted()) {
            throw new IllegalArgumentException("inputs cannot be given to a script: " + read.diagnostics());
        }
        return new ScriptInputs(line.substring(PREFIX.length(), line.length() - SUFFIX.length()), read.message().outputs());
    }
}
