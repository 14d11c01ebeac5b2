package dev.kestrasdk.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the payload into a small tree with Jackson's streaming parser, under the same limits as Kestra's
 * reader (nesting 1000, numbers 1000 characters, strings and keys 20,000,000 characters) and,
 * like it, reading only the first JSON value: whatever follows is ignored (and reported).
 *
 * <p>Nodes: {@link Obj} (a LinkedHashMap where a repeated key keeps its first position and last value, as
 * in Jackson's maps), {@link List}, {@link String}, {@link Boolean}, {@link Num} (number text kept, since
 * Kestra's coercions depend on it), and {@code null}.
 */
final class JsonTree {
    // Kestra's JacksonMapper raises the default maxNameLength (50,000) to 20,000,000 for every parser.
    static final StreamReadConstraints KESTRA_LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(1000).maxNumberLength(1000).maxStringLength(20_000_000).maxNameLength(20_000_000).build();

    static final JsonFactory FACTORY = JsonFactory.builder().streamReadConstraints(KESTRA_LIMITS).build();

    /** A number as written: its text and whether it is an integer token. */
    record Num(String text, boolean integral) {
    }

    /**
     * An object; remembers the earlier values of a repeated key, since Jackson reads them all: its type-id
     * lookup takes the first, and a bad earlier value fails the line although the last one is kept.
     */
    static final class Obj extends LinkedHashMap<String, Object> {
        private Map<String, List<Object>> earlier;
        // each repeated key with the keys read before it (rare, so a copy each time is fine)
        private List<Map.Entry<String, Set<String>>> repeats;

        Object first(String key) {
            List<Object> e = earlier(key);
            return e.isEmpty() ? get(key) : e.get(0);
        }

        /** The values of {@code key} that a later occurrence replaced, in order; usually none. */
        List<Object> earlier(String key) {
            return earlier == null ? List.of() : earlier.getOrDefault(key, List.of());
        }

        void putRead(String key, Object value, List<String> duplicates, Path path) {
            if (containsKey(key)) {
                if (earlier == null) {
                    earlier = new HashMap<>();
                    repeats = new ArrayList<>();
                }
                earlier.computeIfAbsent(key, k -> new ArrayList<>()).add(get(key));
                repeats.add(Map.entry(key, Set.copyOf(keySet())));
                duplicates.add(Path.text(new Path(path, key, -1)));
            }
            put(key, value);
        }

        /** True when the value kept for {@code key} was read before the first {@code marker} key (or there is none). */
        boolean lastReadBefore(String key, String marker) {
            for (String k : keySet()) {
                if (k.equals(marker)) {
                    return false;
                }
                if (k.equals(key)) {
                    break;
                }
            }
            if (repeats != null) {
                for (Map.Entry<String, Set<String>> r : repeats) {
                    if (r.getKey().equals(key) && r.getValue().contains(marker)) {
                        return false;
                    }
                }
            }
            return true;
        }

        /**
         * Jackson builds a Java record as soon as it has read every component; a component key read again
         * after that has nowhere to go and fails the whole line ("Should never call set() on setterless
         * property"). Returns the first such key of this object read as a record of {@code components}, or null.
         */
        String repeatedAfterAll(Set<String> components) {
            if (repeats != null) {
                for (Map.Entry<String, Set<String>> r : repeats) {
                    if (components.contains(r.getKey()) && r.getValue().containsAll(components)) {
                        return r.getKey();
                    }
                }
            }
            return null;
        }
    }

    static final class Invalid extends Exception {
        final String code;

        Invalid(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    /**
     * Where a value is in the tree ({@code outputs.files[2]}; the root is {@code null}), spelled out only for a
     * repeated key: building every value's path as text cost more than reading the value.
     */
    record Path(Path parent, String key, int index) {
        static String text(Path p) {
            if (p == null) {
                return "";
            }
            String prefix = text(p.parent);
            if (p.key == null) {
                return prefix + "[" + p.index + "]";
            }
            return prefix.isEmpty() ? p.key : prefix + "." + p.key;
        }
    }

    /** Result of reading: the root object, repeated keys, and whether anything followed the first value. */
    record Read(Obj root, List<String> duplicateKeys, String trailing) {
    }

    private JsonTree() {
    }

    static Read read(String text) throws Invalid {
        List<String> duplicates = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new Invalid("invalid-json", "the payload is not a JSON object");
            }
            Obj root = (Obj) readValue(p, first, duplicates, null);
            long consumed = p.currentLocation().getCharOffset();
            String rest = consumed < text.length() ? text.substring((int) consumed) : "";
            return new Read(root, duplicates, rest.isBlank() ? null : rest);
        } catch (StreamConstraintsException e) {
            String m = e.getOriginalMessage();
            String code = m.contains("nesting") ? "too-deep" : m.contains("Number") ? "number-too-long"
                    : m.contains("String") ? "string-too-long" : "limit-exceeded";
            throw new Invalid(code, m.replaceAll(" \\(from `StreamReadConstraints[^)]*\\)", ""));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Invalid("invalid-json", describe(e));
        } catch (IOException e) {
            throw new Invalid("invalid-json", String.valueOf(e.getMessage()));
        }
    }

    private static Object readValue(JsonParser p, JsonToken t, List<String> duplicates, Path path) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                Obj obj = new Obj();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String key = p.currentName();
                    Object value = readValue(p, p.nextToken(), duplicates, new Path(path, key, -1));
                    obj.putRead(key, value, duplicates, path);
                }
                return obj;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(readValue(p, e, duplicates, new Path(path, null, list.size())));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return new Num(p.getText(), true);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Num(p.getText(), false);
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected token " + t);
        }
    }

    private static String describe(com.fasterxml.jackson.core.JsonProcessingException e) {
        String m = e.getOriginalMessage();
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        if (m.contains("'N'") || m.contains("NaN") || m.contains("'I'") || m.contains("Infinity")) {
            m += " (NaN and Infinity are not JSON)";
        }
        var loc = e.getLocation();
        // +3: the payload starts after "::" and columns count from 1
        return loc == null ? m : m + " at column " + (loc.getCharOffset() + 3);
    }
}
