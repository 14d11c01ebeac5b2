package dev.kestrasdk.runner.bindings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain guest values handed over in one crossing: the guest module checks that a call's values are all plain
 * (dicts or objects with string keys, lists, strings, booleans, null, finite numbers; see kestra.py and index.cjs)
 * and writes them with its language's own JSON encoder; this decodes that text into the Java values
 * {@link GuestValues} would have made from the same guest values one interop call at a time, numbers by the
 * {@link ValueDialect}'s rule. Text it cannot decode (beyond Jackson's limits) is {@code null}: the values are
 * then converted one by one, with their own errors.
 */
final class PlainJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private PlainJson() {
    }

    /** The value the text holds, or {@link #UNREADABLE}. */
    static Object decode(String text, ValueDialect dialect) {
        try (JsonParser p = FACTORY.createParser(text)) {
            Object value = value(p, p.nextToken(), dialect);
            return p.nextToken() == null ? value : UNREADABLE;
        } catch (IOException | RuntimeException e) {
            return UNREADABLE; // a number or a string beyond Jackson's limits: converted value by value instead
        }
    }

    /** What {@link #decode} returns for text it cannot read. */
    static final Object UNREADABLE = new Object();

    private static Object value(JsonParser p, JsonToken t, ValueDialect dialect) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                    map.put(key, value(p, p.nextToken(), dialect));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(value(p, e, dialect));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return dialect.jsonNumber(p);
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("not a JSON value: " + t);
        }
    }
}
