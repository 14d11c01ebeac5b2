package dev.kestrasdk.internal.wire;

import dev.kestrasdk.wire.WireFormatException;

import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.protocol.MetricType;
import dev.kestrasdk.wire.WireFormatException.Kind;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes one canonical protocol line per call into an {@link AsciiBuffer} (docs/wire-format.md). It
 * validates while it writes: on bad input it throws a {@link WireFormatException} naming the path, and
 * the buffer is left truncated to where it started, so no partial line can ever be emitted.
 *
 * <p>Not thread-safe: it keeps the current path and the containers being written (to detect cycles).
 * Use one per thread; {@link #local()} hands out a thread-local one.
 */
public final class WireEncoder {
    /** Deepest nesting of objects and arrays in one line, envelope included: Jackson's default, which Kestra's reader keeps. */
    public static final int MAX_NESTING = 1000;
    /** Longest string (UTF-16 units) Kestra's reader accepts: Jackson's default {@code maxStringLength}. */
    public static final int MAX_STRING_CHARS = 20_000_000;

    private static final ThreadLocal<WireEncoder> LOCAL = ThreadLocal.withInitial(WireEncoder::new);

    private final ValuePath path = new ValuePath();
    private final IdentityHashMap<Object, Integer> open = new IdentityHashMap<>();
    private AsciiBuffer out;
    private int nesting;
    private boolean kestraLimits = true; // false for jsonDocument

    public static WireEncoder local() {
        return LOCAL.get();
    }

    /** {@code ::{"outputs":{...}}::} with keys sorted at every level. */
    public void outputs(Map<?, ?> outputs, AsciiBuffer buffer) {
        begin(buffer, "outputs");
        try {
            requireMap(outputs, "outputs");
            out.appendAscii("::{\"outputs\":");
            nesting = 1;
            writeMap(outputs);
            out.appendAscii("}::");
        } catch (RuntimeException e) {
            throw fail(e);
        } finally {
            end();
        }
    }

    /** {@code ::{"assets":{...}}::}: the map is written with the same rules as outputs. */
    public void assets(Map<?, ?> assets, AsciiBuffer buffer) {
        begin(buffer, "assets");
        try {
            requireMap(assets, "assets");
            AssetShape.check(assets);
            out.appendAscii("::{\"assets\":");
            nesting = 1;
            writeMap(assets);
            out.appendAscii("}::");
        } catch (RuntimeException e) {
            throw fail(e);
        } finally {
            end();
        }
    }

    /**
     * {@code ::{"metrics":[{"name":..,"tags":{..},"type":..,"value":..}]}::}. The value must be a finite
     * {@link Number}; a timer also takes a {@link Duration} and must not be negative. Tags may be null (written {}).
     */
    public void metric(MetricType type, String name, Object value, Map<?, ?> tags, AsciiBuffer buffer) {
        begin(buffer, "name");
        try {
            if (type == null) {
                throw new WireFormatException(Kind.TYPE, "type", "metric type is required (counter, gauge or timer)");
            }
            checkName(name);
            out.appendAscii("::{\"metrics\":[{\"name\":");
            JsonText.writeString(out, name, 0, name.length());
            path.reset("tags");
            out.appendAscii(",\"tags\":");
            writeTags(tags);
            out.appendAscii(",\"type\":\"").appendAscii(type.wireName());
            out.appendAscii("\",\"value\":");
            path.reset("value");
            writeMetricValue(type, value);
            out.appendAscii("}]}::");
        } catch (RuntimeException e) {
            throw fail(e);
        } finally {
            end();
        }
    }

    /** {@code ::{"logs":[{"level":..,"message":..},...]}::}, one entry per message; a null message is written as "null". */
    public void logs(LogLevel level, List<String> messages, AsciiBuffer buffer) {
        begin(buffer, "level");
        try {
            if (level == null) {
                throw new WireFormatException(Kind.TYPE, "level", "log level is required (TRACE, DEBUG, INFO, WARN or ERROR)");
            }
            if (messages == null || messages.isEmpty()) {
                throw new WireFormatException(messages == null ? Kind.TYPE : Kind.VALUE, "messages", "at least one message is required");
            }
            out.appendAscii("::{\"logs\":[");
            for (int i = 0; i < messages.size(); i++) {
                String message = messages.get(i) == null ? "null" : messages.get(i);
                path.reset("messages");
                path.pushIndex(i);
                checkText(message);
                if (i > 0) {
                    out.append(',');
                }
                out.appendAscii("{\"level\":\"").appendAscii(level.name());
                out.appendAscii("\",\"message\":");
                JsonText.writeString(out, message, 0, message.length());
                out.append('}');
            }
            out.appendAscii("]}::");
        } catch (RuntimeException e) {
            throw fail(e);
        } finally {
            end();
        }
    }

    /**
     * Canonical JSON text of any supported value, with no envelope: for tools that print values (reports,
     * {@code --json} output) in the same encoding as the wire. Errors name paths from {@code value}.
     */
    public void value(Object value, AsciiBuffer buffer) {
        begin(buffer, "value");
        try {
            writeValue(value);
        } catch (RuntimeException e) {
            throw fail(e);
        } finally {
            end();
        }
    }

    public static String json(Object value) {
        AsciiBuffer b = new AsciiBuffer();
        local().value(value, b);
        return b.toString();
    }

    /**
     * As {@link #value}, for a document no Kestra reader will parse (a tool's {@code --json} result that quotes a
     * script's console): without the limits of Kestra's reader (string length, nesting), and a lone surrogate is
     * written as its backslash-u escape, so whatever a script printed, the document is written.
     */
    public static String jsonDocument(Object value) {
        AsciiBuffer b = new AsciiBuffer();
        WireEncoder encoder = local();
        encoder.begin(b, "value");
        encoder.kestraLimits = false;
        try {
            encoder.writeValue(value);
        } catch (RuntimeException e) {
            throw encoder.fail(e);
        } finally {
            encoder.end();
        }
        return b.toString();
    }

    // ---- convenience: one line as a String -------------------------------------------------------

    public static String outputsLine(Map<?, ?> outputs) {
        AsciiBuffer b = new AsciiBuffer();
        local().outputs(outputs, b);
        return b.toString();
    }

    public static String assetsLine(Map<?, ?> assets) {
        AsciiBuffer b = new AsciiBuffer();
        local().assets(assets, b);
        return b.toString();
    }

    public static String metricLine(MetricType type, String name, Object value, Map<?, ?> tags) {
        AsciiBuffer b = new AsciiBuffer();
        local().metric(type, name, value, tags, b);
        return b.toString();
    }

    public static String logsLine(LogLevel level, List<String> messages) {
        AsciiBuffer b = new AsciiBuffer();
        local().logs(level, messages, b);
        return b.toString();
    }

    // ---- internals --------------------------------------------------------------------------------

    private int mark;

    private void begin(AsciiBuffer buffer, String root) {
        if (out != null) {
            throw new IllegalStateException("WireEncoder is already writing a line (re-entrant call from a value's method?)");
        }
        out = buffer;
        mark = buffer.length();
        path.reset(root);
        nesting = 0;
        kestraLimits = true;
    }

    private RuntimeException fail(RuntimeException e) {
        out.truncate(mark);
        return e;
    }

    private void end() {
        out = null;
        open.clear();
    }

    private void requireMap(Object value, String what) {
        if (value == null) {
            throw new WireFormatException(Kind.TYPE, what, what + " must be a map, not null");
        }
        if (!(value instanceof Map)) {
            throw new WireFormatException(Kind.TYPE, what, what + " must be a map, not " + typeName(value));
        }
    }

    private void checkName(String name) {
        if (name == null) {
            throw new WireFormatException(Kind.TYPE, "name", "metric name is required, not null");
        }
        if (name.isEmpty()) {
            throw new WireFormatException(Kind.VALUE, "name", "metric name must not be empty");
        }
        checkText(name);
    }

    private void checkText(String s) {
        if (!kestraLimits) {
            return;
        }
        if (s.length() > MAX_STRING_CHARS) {
            throw new WireFormatException(Kind.VALUE, path.toString(), "string of " + s.length()
                    + " characters is longer than the " + MAX_STRING_CHARS + " Kestra reads");
        }
        int lone = JsonText.firstLoneSurrogate(s);
        if (lone >= 0) {
            throw new WireFormatException(Kind.VALUE, path.toString(), String.format(
                    "lone surrogate U+%04X at index %d is not Unicode text (Kestra would read '?')", (int) s.charAt(lone), lone));
        }
    }

    private void writeValue(Object v) {
        if (v == null) {
            out.appendAscii("null");
        } else if (v instanceof String s) {
            checkText(s);
            JsonText.writeString(out, s, 0, s.length());
        } else if (v instanceof Boolean b) {
            out.appendAscii(b ? "true" : "false");
        } else if (v instanceof Number n) {
            writeNumber(n);
        } else if (v instanceof Map<?, ?> m) {
            writeMap(m);
        } else if (v instanceof Collection<?> c && OrderedCollections.isOrdered(c)) {
            writeIterable(c, c.size());
        } else if (v.getClass().isArray()) {
            writeArray(v);
        } else if (v instanceof CharSequence || v instanceof Character || v instanceof UUID) {
            writeValue(v.toString());
        } else if (v instanceof Enum<?> e) {
            writeValue(e.name());
        } else if (v instanceof Optional<?> o) {
            writeValue(o.orElse(null));
        } else if (v instanceof DeferredError d) {
            throw d.error();
        } else {
            writeOther(v);
        }
    }

    private void writeOther(Object v) {
        String time;
        try {
            time = CanonicalTime.format(v);
        } catch (CanonicalTime.YearOutOfRange e) {
            throw new WireFormatException(Kind.VALUE, path.toString(),
                    "year " + e.year + " is outside 0000-9999, which ISO-8601 text here covers");
        }
        if (time != null) {
            out.append('"');
            out.appendAscii(time);
            out.append('"');
        } else if (v instanceof Collection<?>) {
            throw new WireFormatException(Kind.TYPE, path.toString(), "unordered collection " + typeName(v)
                    + " has no deterministic order; pass a List or an ordered collection (LinkedHashSet, SortedSet)");
        } else if (v instanceof Duration) {
            throw new WireFormatException(Kind.TYPE, path.toString(),
                    "java.time.Duration is not an output value; use a number of seconds or a string (a timer takes a Duration)");
        } else {
            throw new WireFormatException(Kind.TYPE, path.toString(), "unsupported type " + typeName(v)
                    + " (supported: null, Boolean, Number, String, Map, List, arrays, java.time dates and times)");
        }
    }

    private void writeNumber(Number n) {
        int mark = out.length();
        writeNumberText(n);
        int digits = 0;
        for (int i = mark; i < out.length(); i++) {
            byte b = out.byteAt(i);
            if (b >= '0' && b <= '9') {
                digits++;
            }
        }
        // Kestra's reader counts every digit it sees: zeros after "0." and exponent digits too
        if (digits > CanonicalNumbers.MAX_DIGITS) {
            out.truncate(mark);
            throw new WireFormatException(Kind.VALUE, path.toString(), "number written with " + digits
                    + " digits is longer than the " + CanonicalNumbers.MAX_DIGITS + " digits Kestra reads");
        }
    }

    private void writeNumberText(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof AtomicInteger || n instanceof AtomicLong) {
            out.appendAscii(Long.toString(n.longValue()));
        } else if (n instanceof Double d) {
            out.appendAscii(CanonicalNumbers.ofDouble(finite(d)));
        } else if (n instanceof Float f) {
            if (f.isNaN() || f.isInfinite()) {
                finite(f.doubleValue());
            }
            out.appendAscii(CanonicalNumbers.ofFloat(f));
        } else if (n instanceof BigInteger i) {
            out.appendAscii(CanonicalNumbers.ofInteger(i));
        } else if (n instanceof BigDecimal b) {
            out.appendAscii(CanonicalNumbers.ofBigDecimal(checkedDecimal(b)));
        } else {
            throw new WireFormatException(Kind.TYPE, path.toString(), "unsupported number type " + typeName(n)
                    + " (use Integer, Long, BigInteger, Float, Double or BigDecimal)");
        }
    }

    private double finite(double d) {
        if (Double.isNaN(d)) {
            throw new WireFormatException(Kind.VALUE, path.toString(), "NaN is not valid JSON");
        }
        if (Double.isInfinite(d)) {
            throw new WireFormatException(Kind.VALUE, path.toString(), (d > 0 ? "Infinity" : "-Infinity") + " is not valid JSON");
        }
        return d;
    }

    private BigDecimal checkedDecimal(BigDecimal b) {
        if (b.signum() == 0) {
            return b;
        }
        BigDecimal stripped = b.stripTrailingZeros();
        if (stripped.precision() > CanonicalNumbers.MAX_DIGITS) { // before formatting a possibly huge text
            throw new WireFormatException(Kind.VALUE, path.toString(), "decimal of " + stripped.precision()
                    + " digits is longer than the " + CanonicalNumbers.MAX_DIGITS + " digits Kestra reads");
        }
        double d = stripped.doubleValue();
        if (Double.isInfinite(d)) {
            throw new WireFormatException(Kind.VALUE, path.toString(),
                    "decimal " + b + " is beyond the range of a 64-bit float; Kestra would read Infinity");
        }
        if (d == 0) {
            throw new WireFormatException(Kind.VALUE, path.toString(),
                    "decimal " + b + " is too small for a 64-bit float; Kestra would read 0");
        }
        return stripped;
    }

    private void enter(Object container) {
        Integer seenAt = open.putIfAbsent(container, path.depth());
        if (seenAt != null) {
            throw new WireFormatException(Kind.VALUE, path.toString(),
                    "cycle: this value contains itself (it is also at " + path.prefix(seenAt) + ")");
        }
        if (++nesting > MAX_NESTING && kestraLimits) {
            throw new WireFormatException(Kind.VALUE, path.toString(),
                    "nested deeper than " + MAX_NESTING + " levels, the most Kestra's JSON reader accepts");
        }
    }

    private void exit(Object container) {
        open.remove(container);
        nesting--;
    }

    private void writeMap(Map<?, ?> map) {
        enter(map);
        int size = map.size();
        String[] keys = new String[size];
        Object[] values = new Object[size];
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (i == size) {
                throw new WireFormatException(Kind.VALUE, path.toString(), "map changed while being written");
            }
            keys[i] = keyOf(e.getKey());
            values[i++] = e.getValue();
        }
        if (i != size) {
            throw new WireFormatException(Kind.VALUE, path.toString(), "map changed while being written");
        }
        Integer[] order = sortedOrder(keys);
        out.append('{');
        for (int j = 0; j < size; j++) {
            int at = order[j];
            String key = keys[at];
            if (j > 0) {
                if (key.equals(keys[order[j - 1]])) {
                    throw new WireFormatException(Kind.VALUE, path.toString(), "two keys with the same text " + quoted(key));
                }
                out.append(',');
            }
            path.pushKey(key);
            checkText(key);
            JsonText.writeString(out, key, 0, key.length());
            out.append(':');
            writeValue(values[at]);
            path.pop();
        }
        out.append('}');
        exit(map);
    }

    private static Integer[] sortedOrder(String[] keys) {
        Integer[] order = new Integer[keys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // String.compareTo compares UTF-16 code units: exactly the order the spec fixes.
        Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
        return order;
    }

    private String keyOf(Object key) {
        if (key instanceof String s) {
            return s;
        }
        if (key instanceof CharSequence cs) {
            return cs.toString();
        }
        throw new WireFormatException(Kind.TYPE, path.toString(), "map key " + (key == null ? "null" : quotedKey(key))
                + " is " + (key == null ? "not a string" : "a " + typeName(key) + ", not a string"));
    }

    private static String quotedKey(Object key) {
        String s = String.valueOf(key);
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private void writeIterable(Iterable<?> items, int size) {
        enter(items);
        out.append('[');
        Iterator<?> it = items.iterator();
        for (int i = 0; it.hasNext(); i++) {
            if (i > 0) {
                out.append(',');
            }
            path.pushIndex(i);
            writeValue(it.next());
            path.pop();
        }
        out.append(']');
        exit(items);
    }

    private void writeArray(Object array) {
        enter(array);
        out.append('[');
        int n = Array.getLength(array);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            path.pushIndex(i);
            Object item = Array.get(array, i);
            if (item instanceof Character c && array.getClass().getComponentType() == char.class) {
                item = String.valueOf(c.charValue());
            }
            writeValue(item);
            path.pop();
        }
        out.append(']');
        exit(array);
    }

    private void writeTags(Map<?, ?> tags) {
        if (tags == null) {
            out.appendAscii("{}");
            return;
        }
        String[] keys = new String[tags.size()];
        Object[] values = new Object[tags.size()];
        int i = 0;
        for (Map.Entry<?, ?> e : tags.entrySet()) {
            keys[i] = keyOf(e.getKey());
            values[i++] = e.getValue();
        }
        Integer[] order = sortedOrder(keys);
        out.append('{');
        for (int j = 0; j < keys.length; j++) {
            int at = order[j];
            if (j > 0) {
                if (keys[at].equals(keys[order[j - 1]])) {
                    throw new WireFormatException(Kind.VALUE, path.toString(), "two keys with the same text " + quoted(keys[at]));
                }
                out.append(',');
            }
            path.pushKey(keys[at]);
            checkText(keys[at]);
            JsonText.writeString(out, keys[at], 0, keys[at].length());
            out.append(':');
            Object v = values[at];
            if (v instanceof DeferredError d) {
                throw d.error();
            }
            if (v == null) {
                throw new WireFormatException(Kind.TYPE, path.toString(), "a tag value must be a string, number or boolean, not null");
            }
            if (v instanceof Map || v instanceof Collection || v.getClass().isArray()) {
                throw new WireFormatException(Kind.TYPE, path.toString(),
                        "a tag value must be a string, number or boolean, not " + typeName(v) + " (tags are flat)");
            }
            if (!(v instanceof CharSequence || v instanceof Character || v instanceof Boolean || v instanceof Number
                    || v instanceof Enum)) {
                throw new WireFormatException(Kind.TYPE, path.toString(),
                        "a tag value must be a string, number or boolean, not " + typeName(v));
            }
            writeValue(v);
            path.pop();
        }
        out.append('}');
    }

    private void writeMetricValue(MetricType type, Object value) {
        if (value instanceof DeferredError d) {
            throw d.error();
        }
        if (value instanceof Duration d) {
            if (type != MetricType.TIMER) {
                throw new WireFormatException(Kind.TYPE, "value", "a Duration is only a timer's value; a " + type.wireName() + " takes a number");
            }
            if (d.isNegative()) {
                throw new WireFormatException(Kind.VALUE, "value", "a timer cannot be negative (" + d + ")");
            }
            out.appendAscii(CanonicalNumbers.ofBigDecimal(BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9))));
            return;
        }
        if (value == null) {
            throw new WireFormatException(Kind.TYPE, "value", "a metric value is required, not null");
        }
        if (!(value instanceof Number n)) {
            throw new WireFormatException(Kind.TYPE, "value", "a metric value must be a number, not " + typeName(value));
        }
        if ((n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue())) {
            finite(n.doubleValue());
        }
        if (type == MetricType.TIMER && signum(n) < 0) {
            throw new WireFormatException(Kind.VALUE, "value", "a timer cannot be negative (" + n + " seconds)");
        }
        if (n instanceof BigInteger i && Double.isInfinite(i.doubleValue())) {
            throw new WireFormatException(Kind.VALUE, "value", "integer " + i.toString().substring(0, 12)
                    + "... is beyond the range of a 64-bit float; Kestra holds metric values as doubles and would record Infinity");
        }
        writeNumber(n);
        if (type == MetricType.TIMER && tooLongForDuration(n)) {
            throw new WireFormatException(Kind.VALUE, "value", "a timer of " + n
                    + " seconds does not fit the Duration Kestra stores (at most " + Long.MAX_VALUE + " seconds)");
        }
    }

    /** Called after writeNumber, so n is a finite number of a supported type. */
    private static boolean tooLongForDuration(Number n) {
        BigDecimal seconds = n instanceof BigDecimal b ? b : n instanceof BigInteger i ? new BigDecimal(i)
                : (n instanceof Double || n instanceof Float) ? new BigDecimal(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
        return seconds.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0;
    }

    private static int signum(Number n) {
        if (n instanceof BigDecimal b) {
            return b.signum();
        }
        if (n instanceof BigInteger i) {
            return i.signum();
        }
        double d = n.doubleValue();
        return d < 0 ? -1 : 0; // -0.0 and NaN are not negative here; NaN is refused later with its own message
    }

    static String typeName(Object value) {
        return value.getClass().getName();
    }

    private static String quoted(String key) {
        AsciiBuffer b = new AsciiBuffer();
        JsonText.writeString(b, key, 0, key.length());
        return b.toString();
    }
}
