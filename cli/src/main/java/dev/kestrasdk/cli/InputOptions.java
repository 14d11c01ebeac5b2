package dev.kestrasdk.cli;

import dev.kestrasdk.runner.json.ToolJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flow inputs from the command line: {@code --input name=value} (the value is read as JSON when it is valid
 * JSON, {@code 10} a number, {@code true} a boolean, {@code [1,2]} a list, and is a plain string otherwise)
 * and {@code --inputs-file inputs.json} (a JSON object). Later {@code --input}s override the file.
 */
final class InputOptions {
    private InputOptions() {
    }

    static Map<String, Object> collect(Path inputsFile, List<String> pairs) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        if (inputsFile != null) {
            String text;
            try {
                text = Files.readString(inputsFile, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new UserError("--inputs-file " + inputsFile + ": no such file");
            } catch (IOException e) {
                throw new UserError("--inputs-file " + inputsFile + ": " + e.getMessage());
            }
            Object parsed = parseJson(text);
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new UserError("--inputs-file " + inputsFile + ": expected a JSON object of inputs");
            }
            map.forEach((k, v) -> inputs.put((String) k, v));
        }
        inputs.putAll(namedValues("--input", "input", "attempts=10", pairs, true));
        return inputs;
    }

    /**
     * {@code NAME=VALUE} pairs of a repeatable option, in order (a repeated name keeps its last value). With
     * {@code json}, VALUE is read as JSON when it is valid JSON, else kept as a string (as Kestra passes a STRING
     * input); without, it is always the string.
     */
    static Map<String, Object> namedValues(String option, String what, String example, List<String> pairs, boolean json) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new UserError(option + " '" + pair + "': expected NAME=VALUE, for example " + option + " " + example);
            }
            String name = pair.substring(0, eq).strip();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                throw new UserError(option + " '" + pair + "': " + what + " name '" + name + "' must be letters, digits, '_' or '-'");
            }
            String raw = pair.substring(eq + 1);
            Object value = raw;
            if (json) {
                try {
                    value = parseJson(raw);
                } catch (UserError notJson) {
                    // not JSON: the text itself
                }
            }
            values.put(name, value);
        }
        return values;
    }

    /** One JSON value; a UserError when the text is not exactly one valid JSON value. */
    static Object parseJson(String text) {
        try {
            return ToolJson.read(text);
        } catch (IllegalArgumentException e) {
            throw new UserError("not valid JSON: " + e.getMessage());
        }
    }
}
