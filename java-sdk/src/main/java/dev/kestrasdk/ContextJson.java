package dev.kestrasdk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the execution context's JSON into plain, unmodifiable Java values with jackson-core's streaming parser
 * (the SDK has no data-binding dependency): objects as maps in file order, arrays as lists, integers as
 * Integer, Long or BigInteger by size, other numbers as Double.
 */
final class ContextJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ContextJson() {
    }

    /** The object {@code json} holds; an IOException names what is wrong (not JSON, not an object, text after it). */
    static Map<String, Object> readObject(byte[] json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object" + (first == null ? " (empty)" : " (starts with " + p.getText() + ")"));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) value(p);
            if (p.nextToken() != null) {
                throw new IOException("text after the JSON object at line " + p.currentLocation().getLineNr());
            }
            return object;
        }
    }

    private static Object value(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    map.put(key, value(p));
                }
                return Collections.unmodifiableMap(map);
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                return Collections.unmodifiableList(list);
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }
}
