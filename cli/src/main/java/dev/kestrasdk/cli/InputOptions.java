package dev.kestrasdk.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flow inputs from the command line: {@code --input name=value} (the value is read as JSON when it is valid
 * JSON, {@code 10} a number, {@code true} a boolean, {@code [1,2]} a list, and is a plain string otherwise)
 * and {@code --inputs-file inputs.json} (a JSON object). Later {@code --input}s override the file.
 */
final class InputOptions {
    private static final JsonFactory JSON = new JsonFactory();

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
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new UserError("--input '" + pair + "': expected NAME=VALUE, for example --input attempts=10");
            }
            String name = pair.substring(0, eq).strip();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                throw new UserError("--input '" + pair + "': input name '" + name + "' must be letters, digits, '_' or '-'");
            }
            String raw = pair.substring(eq + 1);
            Object value = raw;
            try {
                value = parseJson(raw);
            } catch (UserError notJson) {
                // not JSON: the text itself, as Kestra passes a STRING input
            }
            inputs.put(name, value);
        }
        return inputs;
    }

    /** One JSON value; a UserError when the text is not exactly one valid JSON value. */
    static Object parseJson(String text) {
        try (JsonParser p = JSON.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new UserError("empty JSON");
            }
            Object value = read(p, t);
            if (p.nextToken() != null) {
                throw new UserError("more than one JSON value");
            }
            return value;
        } catch (IOException e) {
            throw new UserError("not valid JSON: " + e.getMessage());
        }
    }

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String key = p.currentName();
                    map.put(key, read(p, p.nextToken()));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(read(p, e));
                }
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> {
                BigInteger i = p.getBigIntegerValue();
                yield i.bitLength() < 64 ? (Object) i.longValue() : i;
            }
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + t);
        };
    }
}
