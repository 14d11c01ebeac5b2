package dev.kestrasdk.conformance.vectors;

import dev.kestrasdk.runner.json.ToolJson;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decodes the typed values of vector files (vectors/README.md) to the Java values the reference SDK takes.
 *
 * <p>Plain JSON: {@code null}, booleans, strings; an integer token becomes a {@link Long} (a {@link BigInteger}
 * beyond 64 bits), any other number token a {@link Double}; arrays become {@link ArrayList}s and objects
 * {@link LinkedHashMap}s in file order. An object with exactly one key starting with {@code $} is a tag:
 * {@code $int} → BigInteger, {@code $float} → Double, {@code $float32} → Float, {@code $decimal} → BigDecimal,
 * {@code $datetime} → OffsetDateTime (with an offset) or LocalDateTime, {@code $date} → LocalDate,
 * {@code $time} → OffsetTime or LocalTime, {@code $instant} → Instant, {@code $duration} → Duration,
 * {@code $map} → LinkedHashMap with keys of any type, {@code $set} → HashSet, {@code $repeat} → String,
 * {@code $nest} → nested ArrayLists, {@code $cycle} → a LinkedHashMap holding itself under "self",
 * {@code $unsupported} → an {@link Unsupported} object. Each call decodes afresh (new containers).
 */
public final class TypedValues {
    public static final List<String> TAGS = List.of("$int", "$float", "$float32", "$decimal", "$datetime", "$date",
            "$time", "$instant", "$duration", "$map", "$set", "$repeat", "$nest", "$cycle", "$unsupported");

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern FLOAT = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?|NaN|-?Infinity");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    private static final Pattern OFFSET = Pattern.compile(".*T.*(Z|[+-][0-9]{2}:[0-9]{2}(:[0-9]{2})?)$");
    private static final Pattern TIME_OFFSET = Pattern.compile(".*(Z|[+-][0-9]{2}:[0-9]{2}(:[0-9]{2})?)$");

    /** The value of a {@code $unsupported} tag: an object of a type no SDK can write. */
    public record Unsupported(String what) {
    }

    private TypedValues() {
    }

    /** The tag of a raw value ({@code "$int"}, ...), or {@code null} for plain JSON. */
    public static String tagOf(Object raw) {
        if (raw instanceof Map<?, ?> m && m.size() == 1) {
            String key = (String) m.keySet().iterator().next();
            if (key.startsWith("$")) {
                return key;
            }
        }
        return null;
    }

    /** The payload of a tagged value. */
    public static Object payload(Object raw) {
        return ((Map<?, ?>) raw).values().iterator().next();
    }

    /**
     * The Java value of a raw typed value (from {@link ToolJson#readExact}).
     *
     * @throws IllegalArgumentException naming where ({@code at}) the value breaks the typed-value rules
     */
    public static Object decode(Object raw, String at) {
        if (raw == null || raw instanceof Boolean || raw instanceof String) {
            return raw;
        }
        if (raw instanceof ToolJson.Num n) {
            if (n.integral()) {
                BigInteger i = new BigInteger(n.text());
                return i.bitLength() < 64 ? (Object) i.longValue() : i;
            }
            return Double.parseDouble(n.text());
        }
        if (raw instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(decode(l.get(i), at + "[" + i + "]"));
            }
            return out;
        }
        Map<?, ?> m = (Map<?, ?>) raw;
        String tag = tagOf(raw);
        if (tag == null) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put((String) e.getKey(), decode(e.getValue(), at + "." + e.getKey()));
            }
            return out;
        }
        return decodeTag(tag, payload(raw), at + "." + tag);
    }

    private static Object decodeTag(String tag, Object p, String at) {
        switch (tag) {
            case "$int" -> {
                return new BigInteger(text(p, INTEGER, at));
            }
            case "$float" -> {
                return Double.parseDouble(text(p, FLOAT, at));
            }
            case "$float32" -> {
                return Float.parseFloat(text(p, FLOAT, at));
            }
            case "$decimal" -> {
                return new BigDecimal(text(p, DECIMAL, at));
            }
            case "$datetime" -> {
                String s = text(p, null, at);
                return time(at, s, () -> OFFSET.matcher(s).matches() ? OffsetDateTime.parse(s) : LocalDateTime.parse(s));
            }
            case "$date" -> {
                String s = text(p, null, at);
                return time(at, s, () -> LocalDate.parse(s));
            }
            case "$time" -> {
                String s = text(p, null, at);
                return time(at, s, () -> TIME_OFFSET.matcher(s).matches() ? OffsetTime.parse(s) : LocalTime.parse(s));
            }
            case "$instant" -> {
                String s = text(p, null, at);
                return time(at, s, () -> Instant.parse(s));
            }
            case "$duration" -> {
                String s = text(p, null, at);
                return time(at, s, () -> Duration.parse(s));
            }
            case "$map" -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                List<?> pairs = list(p, at);
                for (int i = 0; i < pairs.size(); i++) {
                    List<?> pair = list(pairs.get(i), at + "[" + i + "]");
                    if (pair.size() != 2) {
                        throw new IllegalArgumentException(at + "[" + i + "]: a $map entry is [key, value]");
                    }
                    Object key = decode(pair.get(0), at + "[" + i + "][0]");
                    if (out.containsKey(key)) {
                        throw new IllegalArgumentException(at + "[" + i + "]: key " + key + " repeated");
                    }
                    out.put(key, decode(pair.get(1), at + "[" + i + "][1]"));
                }
                return out;
            }
            case "$set" -> {
                Set<Object> out = new HashSet<>();
                List<?> items = list(p, at);
                for (int i = 0; i < items.size(); i++) {
                    out.add(decode(items.get(i), at + "[" + i + "]"));
                }
                return out;
            }
            case "$repeat" -> {
                List<?> r = list(p, at);
                if (r.size() != 2 || !(r.get(0) instanceof String s) || !(r.get(1) instanceof ToolJson.Num n) || !n.integral()
                        || n.text().startsWith("-")) {
                    throw new IllegalArgumentException(at + ": $repeat is [string, count]");
                }
                return s.repeat(Integer.parseInt(n.text()));
            }
            case "$nest" -> {
                if (!(p instanceof Map<?, ?> spec) || !spec.keySet().equals(Set.of("depth", "leaf"))
                        || !(spec.get("depth") instanceof ToolJson.Num n) || !n.integral() || n.text().startsWith("-")) {
                    throw new IllegalArgumentException(at + ": $nest is {\"depth\": count, \"leaf\": value}");
                }
                Object v = decode(spec.get("leaf"), at + ".leaf");
                for (int i = Integer.parseInt(n.text()); i > 0; i--) {
                    List<Object> wrap = new ArrayList<>(1);
                    wrap.add(v);
                    v = wrap;
                }
                return v;
            }
            case "$cycle" -> {
                if (!Boolean.TRUE.equals(p)) {
                    throw new IllegalArgumentException(at + ": $cycle is true");
                }
                Map<String, Object> self = new LinkedHashMap<>();
                self.put("self", self);
                return self;
            }
            case "$unsupported" -> {
                return new Unsupported(text(p, null, at));
            }
            default -> throw new IllegalArgumentException(at + ": unknown tag " + tag + " (known: " + TAGS + ")");
        }
    }

    private interface TimeParse {
        Object parse();
    }

    private static Object time(String at, String s, TimeParse parse) {
        try {
            return parse.parse();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(at + ": cannot read \"" + s + "\": " + e.getMessage());
        }
    }

    private static String text(Object p, Pattern shape, String at) {
        if (!(p instanceof String s)) {
            throw new IllegalArgumentException(at + ": the tag's value must be a string");
        }
        if (shape != null && !shape.matcher(s).matches()) {
            throw new IllegalArgumentException(at + ": \"" + s + "\" is not a valid value for this tag");
        }
        return s;
    }

    private static List<?> list(Object p, String at) {
        if (!(p instanceof List<?> l)) {
            throw new IllegalArgumentException(at + ": an array is expected");
        }
        return l;
    }
}
