package dev.kestrasdk.runner.bindings;

import dev.kestrasdk.internal.wire.DeferredError;
import dev.kestrasdk.internal.wire.WireEncoder;
import dev.kestrasdk.wire.WireFormatException;
import dev.kestrasdk.wire.WireFormatException.Kind;
import org.graalvm.polyglot.Value;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns guest values into the Java values the SDK writes, so a Python, JavaScript or Java call with the same
 * values prints the same bytes. Errors are {@link WireFormatException}s naming the path, as the encoder's own.
 * Each language's own rules (its numbers and types) are its {@link ValueDialect}.
 *
 * <p>Rules common to all languages: null / None / undefined → {@code null}; booleans → {@link Boolean};
 * strings → {@link String}; hash entries (Python dict, JavaScript Map) → {@link Map}, keys must be strings;
 * date → {@link LocalDate}; time → {@link LocalTime} (with a zone: {@link java.time.OffsetTime}); date and
 * time without zone → {@link LocalDateTime}; with a fixed-offset zone → {@link java.time.OffsetDateTime};
 * with a region zone → {@link java.time.ZonedDateTime}; anything callable, host objects and other types are
 * refused with a {@code TYPE} error; a container that contains itself, or nesting deeper than Kestra reads, with
 * a {@code VALUE} error.
 */
public final class GuestValues {
    private final ValueDialect dialect;

    public GuestValues(ValueDialect dialect) {
        this.dialect = dialect;
    }

    /** A top-level argument that must be a mapping ({@code outputs}, {@code assets}). */
    public Map<String, Object> toMap(Value v, String name) {
        GuestPath path = GuestPath.root(name);
        if (v == null || v.isNull() || !isMapping(v)) {
            throw new WireFormatException(Kind.TYPE, name, name + " must be " + dialect.mappingName()
                    + ", not " + typeName(v));
        }
        return convertMap(v, path, Open.NONE.enter(v, path));
    }

    /**
     * Metric tags: a flat mapping, or nothing ({@code null}, written as {@code {}}). A nested value is left as a
     * {@link DeferredError}, so the encoder reports the first bad tag in key order, as for the Java SDK.
     */
    public Map<String, Object> toTags(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        Map<String, Object> tags = toMap(v, "tags");
        for (Map.Entry<String, Object> tag : tags.entrySet()) {
            Object value = tag.getValue();
            if (value instanceof Map || value instanceof List) {
                tag.setValue(new DeferredError(new WireFormatException(Kind.TYPE, GuestPath.root("tags").key(tag.getKey()).toString(),
                        "a tag value must be a string, number or boolean, not " + (value instanceof Map
                                ? dialect.mappingName() : dialect.sequenceName())
                        + " (tags are flat)")));
            }
        }
        return tags;
    }

    /** A metric name: a string. */
    public String toName(Value v) {
        if (v != null && v.isString()) {
            return v.asString();
        }
        if (v == null || v.isNull()) {
            return null; // the encoder's own message: a metric name is required
        }
        throw new WireFormatException(Kind.TYPE, "name", "metric name must be a string, not " + typeName(v));
    }

    /**
     * A metric value: a number, or the guest's own kind of metric value (a Python timedelta, a duration). A value that cannot be one is returned as a
     * {@link DeferredError}: the encoder writes name and tags first, and a bad tag is reported before a bad value.
     */
    public Object toMetricValue(Value v) {
        try {
            return metricValue(v);
        } catch (WireFormatException e) {
            return new DeferredError(e);
        }
    }

    private Object metricValue(Value v) {
        if (v != null && v.isDuration() && !v.isNumber()) {
            return v.asDuration();
        }
        Object own = v == null ? null : dialect.ownMetricValue(v);
        if (own != null) {
            return own;
        }
        if (v != null && !v.isNull() && !v.isNumber()) {
            throw new WireFormatException(Kind.TYPE, "value", "a metric value must be a number, not " + typeName(v));
        }
        return toJava(v, GuestPath.root("value"), Open.NONE);
    }

    /** Any value, as the rules above say. */
    public Object toJava(Value v, String name) {
        return toJava(v, GuestPath.root(name), Open.NONE);
    }

    /** The containers being converted, innermost first, so a value that contains itself is reported, not followed. */
    private record Open(Value container, GuestPath path, int depth, Open outer) {
        static final Open NONE = new Open(null, null, 0, null);

        Open enter(Value c, GuestPath p) {
            return new Open(c, p, depth + 1, this);
        }

        /** Where {@code c} is already open, or {@code null}. Value equality is guest identity. */
        GuestPath pathOf(Value c) {
            for (Open o = this; o.container != null; o = o.outer) {
                if (o.container.equals(c)) {
                    return o.path;
                }
            }
            return null;
        }
    }

    private Open enter(Value v, GuestPath path, Open open) {
        GuestPath seen = open.pathOf(v);
        if (seen != null) {
            throw new WireFormatException(Kind.VALUE, path.toString(),
                    "cycle: this value contains itself (it is also at " + seen + ")");
        }
        if (open.depth() >= WireEncoder.MAX_NESTING) {
            throw new WireFormatException(Kind.VALUE, path.toString(),
                    "nested deeper than " + WireEncoder.MAX_NESTING + " levels, the most Kestra's JSON reader accepts");
        }
        return open.enter(v, path);
    }

    private Object toJava(Value v, GuestPath path, Open open) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isString()) {
            return v.asString();
        }
        if (v.isHostObject() || v.isProxyObject()) {
            throw unsupported(v, path);
        }
        if (v.isNumber()) {
            Object number = dialect.number(v);
            if (number == null) {
                throw unsupported(v, path);
            }
            return number;
        }
        // Containers first: most values are dicts, lists or objects, and none of them is a date, a time or one of the
        // dialect's own types, so they skip those queries (a callable container still gets the function error below).
        if (v.hasHashEntries() && !v.canExecute()) {
            return convertMap(v, path, enter(v, path, open));
        }
        if (v.hasArrayElements() && !v.canExecute() && dialect.isSequence(v)) {
            return list(v, path, open);
        }
        Object own = dialect.ownValue(v, path::toString);
        if (own != null) {
            return own;
        }
        if (v.isDate() || v.isTime()) {
            return dateTime(v, path);
        }
        if (v.canExecute() || v.canInstantiate()) {
            throw new WireFormatException(Kind.TYPE, path.toString(), "a function is not a value that can be written");
        }
        if (isMapping(v)) {
            return convertMap(v, path, enter(v, path, open));
        }
        if (v.hasArrayElements() && dialect.isSequence(v)) {
            return list(v, path, open);
        }
        throw unsupported(v, path);
    }

    private List<Object> list(Value v, GuestPath path, Open open) {
        Open inner = enter(v, path, open);
        long size = v.getArraySize();
        List<Object> list = new ArrayList<>((int) Math.min(size, 1 << 16));
        for (int i = 0; i < size; i++) {
            list.add(deferringErrors(v.getArrayElement(i), path.index(i), inner));
        }
        return list;
    }

    /**
     * A child that cannot be converted becomes a {@link DeferredError}: the encoder walks keys in canonical
     * order and raises it only if no earlier value fails first, exactly as the Java SDK would for the same call.
     */
    private Object deferringErrors(Value v, GuestPath path, Open open) {
        try {
            return toJava(v, path, open);
        } catch (WireFormatException e) {
            return new DeferredError(e);
        }
    }

    private boolean isMapping(Value v) {
        return v.hasHashEntries() || dialect.isMemberMapping(v);
    }

    /** @param open the containers being converted, this map included */
    private Map<String, Object> convertMap(Value v, GuestPath path, Open open) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (v.hasHashEntries()) {
            Value entries = v.getHashEntriesIterator();
            while (entries.hasIteratorNextElement()) {
                Value entry = entries.getIteratorNextElement();
                Value key = entry.getArrayElement(0);
                if (!key.isString()) {
                    throw new WireFormatException(Kind.TYPE, path.toString(), "map key " + shortText(key) + " is "
                            + article(typeName(key)) + ", not a string");
                }
                String k = key.asString();
                map.put(k, deferringErrors(entry.getArrayElement(1), path.key(k), open));
            }
        } else {
            for (String k : v.getMemberKeys()) {
                Value member = v.getMember(k);
                if (isUndefined(member)) {
                    continue;
                }
                map.put(k, deferringErrors(member, path.key(k), open));
            }
        }
        return map;
    }

    // ---- dates and times ----------------------------------------------------------------------------

    private Object dateTime(Value v, GuestPath path) {
        if (dialect.readsInstants() && v.isInstant()) {
            return v.asInstant();
        }
        if (v.isDate() && v.isTime()) {
            LocalDateTime local = LocalDateTime.of(v.asDate(), v.asTime());
            if (!v.isTimeZone()) {
                return local;
            }
            ZoneId zone = v.asTimeZone();
            return zone instanceof ZoneOffset offset ? local.atOffset(offset) : local.atZone(zone);
        }
        if (v.isDate()) {
            return v.asDate();
        }
        if (v.isTime()) {
            LocalTime time = v.asTime();
            if (v.isTimeZone() && v.asTimeZone() instanceof ZoneOffset offset) {
                return time.atOffset(offset);
            }
            return time;
        }
        throw unsupported(v, path);
    }

    // ---- guest kinds --------------------------------------------------------------------------------

    private static boolean isUndefined(Value v) {
        if (!v.isNull()) {
            return false;
        }
        Value meta = v.getMetaObject();
        return meta != null && "undefined".equals(meta.getMetaSimpleName());
    }

    private WireFormatException unsupported(Value v, GuestPath path) {
        return new WireFormatException(Kind.TYPE, path.toString(), typeName(v) + " is not a value that can be written"
                + " (supported: null, booleans, numbers, strings, lists, maps with string keys, dates and times)");
    }

    /** The guest's name for a value's type: {@code int}, {@code set}, {@code number}, {@code Array}. */
    String typeName(Value v) {
        if (v == null) {
            return "nothing";
        }
        if (v.isHostObject()) {
            return "a Java object";
        }
        // Primitives cross interop as Java values, so their meta object is Java's (Integer, String): name them here.
        if (v.isBoolean() || v.isString() || v.isNumber()) {
            return dialect.primitiveTypeName(v);
        }
        Value meta = v.getMetaObject();
        if (meta != null) {
            return meta.getMetaSimpleName();
        }
        return v.isNull() ? dialect.primitiveTypeName(v) : "an unknown value";
    }

    private static String article(String typeName) {
        return (typeName.matches("(?i)^[aeiou].*") ? "an " : "a ") + typeName;
    }

    private static String shortText(Value v) {
        String s = v.toString();
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
