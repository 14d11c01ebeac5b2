package dev.kestrasdk.internal.wire;

import dev.kestrasdk.protocol.LogEntry;
import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.protocol.Message;
import dev.kestrasdk.protocol.Metric;
import dev.kestrasdk.protocol.MetricType;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Kestra reads from a line {@link WireEncoder} has just written, built from the values it was given instead
 * of parsing the line again: for a recorder that sees every line anyway. Only for values whose reading is plain
 * (null, booleans, strings, integers, doubles, lists and string-keyed maps; counters, gauges and whole-second
 * timers with string tags; logs): those lines read cleanly, with no diagnostic, and Kestra's JSON reader gives
 * back Integer, Long or BigInteger by size, the same doubles (the canonical digits round-trip) and the keys in
 * canonical order. For anything else the answer is {@code null}, and the line is to be parsed.
 *
 * <p>Call it only after the encoder wrote the same values without an error: it does not check them again.
 */
public final class ReadBack {
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    /** Timers of fewer seconds (at most 18 digits) read as their number; longer ones go through Kestra's Duration rules. */
    private static final long WHOLE_SECONDS_LIMIT = 1_000_000_000_000_000_000L;

    /** Thrown to give up; made once, without a stack trace, since giving up is ordinary. */
    private static final class NotPlain extends Exception {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();

    private ReadBack() {
    }

    /** An {@code outputs} line's reading, or {@code null}. */
    public static Message outputs(Map<?, ?> outputs) {
        try {
            return new Message(map(outputs), null, null, null);
        } catch (NotPlain e) {
            return null;
        }
    }

    /** A {@code metrics} line's reading, or {@code null} (a timer other than whole seconds, a tag that is not a string). */
    public static Message metric(MetricType type, String name, Object value, Map<?, ?> tags) {
        Double number;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long l = ((Number) value).longValue();
            if (type == MetricType.TIMER && l >= WHOLE_SECONDS_LIMIT) {
                return null; // 19 digits: Kestra's Duration rules, parsed
            }
            number = (double) l;
        } else if (value instanceof Double d && type != MetricType.TIMER) {
            number = d; // a timer's fraction follows Kestra's Duration rules: parsed
        } else {
            return null;
        }
        Map<String, String> stringTags = new LinkedHashMap<>();
        if (tags != null) {
            String[] keys = new String[tags.size()];
            int i = 0;
            for (Map.Entry<?, ?> e : tags.entrySet()) {
                if (!(e.getKey() instanceof String k) || !(e.getValue() instanceof String) || i == keys.length) {
                    return null;
                }
                keys[i++] = k;
            }
            Arrays.sort(keys);
            for (String k : keys) {
                stringTags.put(k, (String) tags.get(k));
            }
        }
        return new Message(null, List.of(new Metric(type, name, number, stringTags)), null, null);
    }

    /** A {@code logs} line's reading: one entry per message, {@code null} written as the text "null". */
    public static Message logs(LogLevel level, List<String> messages) {
        List<LogEntry> entries = new ArrayList<>(messages.size());
        for (String m : messages) {
            entries.add(new LogEntry(level, m == null ? "null" : m));
        }
        return new Message(null, null, entries, null);
    }

    private static Map<String, Object> map(Map<?, ?> map) throws NotPlain {
        String[] keys = new String[map.size()];
        Object[] values = new Object[keys.length];
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String k) || i == keys.length) {
                throw NOT_PLAIN;
            }
            keys[i] = k;
            values[i++] = e.getValue();
        }
        if (i != keys.length) {
            throw NOT_PLAIN;
        }
        Integer[] order = new Integer[keys.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b])); // the encoder's order: UTF-16 code units
        Map<String, Object> read = new LinkedHashMap<>(Math.max(4, keys.length * 2));
        for (Integer at : order) {
            read.put(keys[at], value(values[at]));
        }
        return read;
    }

    private static Object value(Object v) throws NotPlain {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Double) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).intValue();
        }
        if (v instanceof Long l) {
            return l == l.intValue() ? (Object) l.intValue() : l;
        }
        if (v instanceof BigInteger b) {
            if (b.bitLength() < 64) {
                long l = b.longValue();
                return b.compareTo(INT_MIN) >= 0 && b.compareTo(INT_MAX) <= 0 ? (Object) (int) l : (Object) l;
            }
            return b;
        }
        if (v instanceof Map<?, ?> m) {
            return map(m);
        }
        if (v instanceof List<?> list) {
            List<Object> read = new ArrayList<>(list.size());
            for (Object item : list) {
                read.add(value(item));
            }
            return read;
        }
        throw NOT_PLAIN; // floats, decimals, dates, arrays, other collections: their reading is the parser's
    }
}
