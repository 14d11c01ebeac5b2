package dev.kestrasdk.conformance.harness;

import dev.kestrasdk.parse.JsonValues;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The little JSON the harness needs, on jackson-core's streaming API (no databind in main scope): a tree
 * reader ({@link JsonValues}: objects as insertion-ordered maps, integers as Integer/Long/BigInteger by size,
 * other numbers as Double) and an ASCII-only compact writer, so that a request line never holds a character another
 * language's line reader could split on.
 */
public final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private Json() {
    }

    /** Reads one JSON document; throws {@link IllegalArgumentException} with the parser's message. */
    public static Object parse(String text) {
        return JsonValues.parse(text);
    }

    /** Re-encodes a JSON text compactly, in ASCII (non-ASCII escaped as backslash-u). */
    public static String compact(String text) {
        StringWriter w = new StringWriter();
        try (JsonParser p = FACTORY.createParser(text); JsonGenerator g = FACTORY.createGenerator(w)) {
            p.nextToken();
            g.copyCurrentStructure(p);
        } catch (IOException e) {
            throw new IllegalArgumentException(firstLine(e.getMessage()), e);
        }
        return w.toString();
    }

    /** Compact ASCII JSON of a tree of maps, lists, strings, numbers, booleans and nulls. */
    public static String write(Object value) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** A JSON string literal (quotes included), ASCII only. */
    public static String quote(String s) {
        return write(s);
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                write(g, o);
            }
            g.writeEndArray();
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
