package dev.kestrasdk.runner.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;

/**
 * The one JSON reader and writer for what tools read and write: command-line inputs, a script's inputs, the
 * conformance harness's requests and status lines, vector files. Protocol lines are not tool input: they go
 * through {@code LineParser}, which follows Kestra's rules.
 *
 * <p>One jackson-databind configuration. Reading takes exactly one JSON value; objects become insertion-ordered
 * maps, arrays lists. {@link #read} types numbers as Kestra's untyped reader does (Integer, Long or BigInteger by
 * size; Double otherwise); {@link #readExact} keeps each number as written ({@link Num}: {@code 1.0} is not
 * {@code 1}, {@code -0.0} keeps its sign, {@code 1e400} its digits) and refuses a repeated key, as typed vectors
 * need. Writing is compact and printable ASCII (non-ASCII and DEL escaped), so a line never holds a character
 * another language's line reader could split on.
 */
public final class ToolJson {
    /** A number token as written, and whether it is an integer token (no {@code .}, no exponent). */
    public record Num(String text, boolean integral) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** Jackson's escapes plus DEL (0x7F): written text is printable ASCII only. */
    private static final CharacterEscapes ESCAPE_DEL = new CharacterEscapes() {
        private final int[] codes = standardAsciiEscapesForJSON();

        {
            codes[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return codes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    };

    private static final ObjectMapper VALUES = JsonMapper.builder(factory()).build();
    private static final ObjectMapper EXACT = JsonMapper.builder(factory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .addModule(numbersAsWritten())
            .build();

    private ToolJson() {
    }

    private static JsonFactory factory() {
        return new JsonFactoryBuilder()
                // vector files hold numbers of thousands of digits (Jackson's default limit is 1000)
                .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(100_000).maxNestingDepth(100_000).build())
                .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
                .characterEscapes(ESCAPE_DEL)
                .build();
    }

    /**
     * Reads exactly one JSON value, numbers as Integer/Long/BigInteger or Double.
     *
     * @throws IllegalArgumentException with the reader's message and where
     */
    public static Object read(String text) {
        return read(VALUES, text);
    }

    /**
     * Reads exactly one JSON value, numbers as {@link Num}; a repeated key is an error.
     *
     * @throws IllegalArgumentException with the reader's message and where
     */
    public static Object readExact(String text) {
        return read(EXACT, text);
    }

    /**
     * Compact printable-ASCII JSON of a tree of maps, lists, strings, numbers ({@link Num} as written), booleans
     * and nulls.
     */
    public static String write(Object value) {
        try {
            return EXACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON text again, compact and printable ASCII, numbers as written. */
    public static String compact(String text) {
        return write(readExact(text));
    }

    private static Object read(ObjectMapper mapper, String text) {
        try (JsonParser p = mapper.createParser(text)) {
            if (p.nextToken() == null) {
                throw new IllegalArgumentException("empty JSON text");
            }
            Object value = mapper.readValue(p, Object.class);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("text after the JSON value at column " + p.currentTokenLocation().getColumnNr());
            }
            return value;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new IllegalArgumentException(firstLine(e.getOriginalMessage()) + where, e);
        } catch (IOException e) {
            throw new IllegalArgumentException(firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String s) {
        String m = String.valueOf(s);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** databind's untyped reader hands numbers to a custom Number deserializer: this one keeps the token's text. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SimpleModule numbersAsWritten() {
        SimpleModule module = new SimpleModule("numbers-as-written");
        module.addDeserializer((Class) Number.class, new JsonDeserializer<Object>() {
            @Override
            public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return new Num(p.getText(), p.currentToken() == JsonToken.VALUE_NUMBER_INT);
            }
        });
        module.addSerializer(Num.class, new JsonSerializer<Num>() {
            @Override
            public void serialize(Num n, JsonGenerator g, SerializerProvider provider) throws IOException {
                g.writeNumber(n.text());
            }
        });
        return module;
    }
}
