package dev.kestrasdk.runner.bindings;

import dev.kestrasdk.internal.wire.DeferredError;
import dev.kestrasdk.internal.wire.WireEncoder;
import dev.kestrasdk.wire.WireFormatException;
import dev.kestrasdk.wire.WireFormatException.Kind;
import org.graalvm.polyglot.Value;

import java.math.BigDecimal;
import java.math.BigInteger;
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
 *
 * <p>Rules common to both languages: null / None / undefined → {@code null}; booleans → {@link Boolean};
 * strings → {@link String}; hash entries (Python dict, JavaScript Map) → {@link Map}, keys must be strings;
 * date → {@link LocalDate}; time → {@link LocalTime} (with a zone: {@link java.time.OffsetTime}); date and
 * time without zone → {@link LocalDateTime}; with a fixed-offset zone → {@link java.time.OffsetDateTime};
 * with a region zone → {@link java.time.ZonedDateTime}; anything callable, host objects and other types are
 * refused with a {@code TYPE} error; a container that contains itself, or nesting deeper than Kestra reads, with
 * a {@code VALUE} error.
 *
 * <p>Python: {@code int} of any size → {@link Long} or {@link BigInteger}, {@code float} → {@link Double}
 * (told apart by the host type the value maps to, since 1 and 1.0 have the same interop traits); list and
 * tuple (and subclasses) → {@link List}; set, bytes and other objects are refused, as {@code json.dumps}
 * refuses them.
 *
 * <p>JavaScript: a number that is an integer within ±(2^53-1), and not -0, → {@link Long}, any other number →
 * {@link Double} (-0 stays -0.0); BigInt → {@link BigInteger}; Date → {@link java.time.Instant}; arrays →
 * {@link List}; other objects → {@link Map} of their own enumerable members, skipping members that are
 * undefined, as {@code JSON.stringify} does; functions and symbols are refused.
 */
public final class GuestValues {
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private final boolean javascript;
    private final Value[] pythonSequenceTypes;

    private GuestValues(boolean javascript, Value[] pythonSequenceTypes) {
        this.javascript = javascript;
        this.pythonSequenceTypes = pythonSequenceTypes;
    }

    /** @param listType Python's {@code list} and {@code tuple} type objects, for {@code isinstance} checks */
    public static GuestValues python(Value listType, Value tupleType) {
        return new GuestValues(false, new Value[] {listType, tupleType});
    }

    public static GuestValues javascript() {
        return new GuestValues(true, new Value[0]);
    }

    /** A top-level argument that must be a mapping ({@code outputs}, {@code assets}). */
    public Map<String, Object> toMap(Value v, String name) {
        GuestPath path = GuestPath.root(name);
        if (v == null || v.isNull() || !isMapping(v)) {
            throw new WireFormatException(Kind.TYPE, name, name + " must be " + (javascript ? "an object" : "a dict")
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
                                ? (javascript ? "an object" : "a dict") : (javascript ? "an array" : "a list"))
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
     * A metric value: a number, or a Python timedelta (a duration). A value that cannot be one is returned as a
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
        if (v != null && !javascript && isPythonTimedelta(v)) {
            return timedelta(v);
        }
        if (v != null && !javascript && isPythonDecimal(v)) {
            return pythonDecimal(v, GuestPath.root("value"));
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
            return javascript ? javascriptNumber(v) : pythonNumber(v, path);
        }
        if (!javascript && isPythonTime(v)) {
            return pythonTime(v);
        }
        if (v.isDate() || v.isTime()) {
            return dateTime(v, path);
        }
        if (v.canExecute() || v.canInstantiate()) {
            throw new WireFormatException(Kind.TYPE, path.toString(), "a function is not a value that can be written");
        }
        if (v.hasHashEntries() || (javascript && isPlainJsObject(v))) {
            return convertMap(v, path, enter(v, path, open));
        }
        if (!javascript && isPythonDecimal(v)) {
            return pythonDecimal(v, path);
        }
        if (v.hasArrayElements() && isSequence(v)) {
            Open inner = enter(v, path, open);
            long size = v.getArraySize();
            List<Object> list = new ArrayList<>((int) Math.min(size, 1 << 16));
            for (int i = 0; i < size; i++) {
                list.add(deferringErrors(v.getArrayElement(i), path.index(i), inner));
            }
            return list;
        }
        throw unsupported(v, path);
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
        return v.hasHashEntries() || (javascript && isPlainJsObject(v));
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

    // ---- numbers ------------------------------------------------------------------------------------

    private Object pythonNumber(Value v, GuestPath path) {
        Object host = v.as(Object.class);
        if (host instanceof Double || host instanceof Float) {
            return v.asDouble();
        }
        if (v.fitsInLong()) {
            return v.asLong();
        }
        if (v.fitsInBigInteger()) {
            return v.asBigInteger();
        }
        throw unsupported(v, path);
    }

    private static boolean isPythonTime(Value v) {
        Value meta = v.getMetaObject();
        return meta != null && "time".equals(meta.getMetaSimpleName()) && v.hasMember("utcoffset") && v.hasMember("microsecond")
                && !v.hasMember("year");
    }

    /**
     * A Python {@code datetime.time}, read from its fields: interop's time-zone query hands the time to its
     * tzinfo, whose utcoffset() accepts only a datetime, so the time's own utcoffset() gives the offset.
     */
    private static Object pythonTime(Value v) {
        LocalTime time = LocalTime.of(v.getMember("hour").asInt(), v.getMember("minute").asInt(),
                v.getMember("second").asInt(), v.getMember("microsecond").asInt() * 1000);
        Value offset = v.invokeMember("utcoffset");
        return offset.isNull() ? time : time.atOffset(ZoneOffset.ofTotalSeconds((int) timedelta(offset).getSeconds()));
    }

    private static boolean isPythonTimedelta(Value v) {
        Value meta = v.getMetaObject();
        return meta != null && "timedelta".equals(meta.getMetaSimpleName()) && v.hasMember("days") && v.hasMember("microseconds");
    }

    /** A timedelta's exact length: days, seconds and microseconds are its normalized fields. */
    private static java.time.Duration timedelta(Value td) {
        return java.time.Duration.ofDays(td.getMember("days").asLong())
                .plusSeconds(td.getMember("seconds").asLong())
                .plusNanos(td.getMember("microseconds").asLong() * 1000);
    }

    private static boolean isPythonDecimal(Value v) {
        Value meta = v.getMetaObject();
        // the meta object's qualified name does not carry the module here: check the type's own methods too
        return meta != null && "Decimal".equals(meta.getMetaSimpleName()) && v.hasMember("as_tuple") && v.hasMember("is_nan");
    }

    /** A Python Decimal keeps its exact digits, as a Java BigDecimal does (wire-format.md 5.5). */
    private static BigDecimal pythonDecimal(Value v, GuestPath path) {
        String text = v.invokeMember("__str__").asString();
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new WireFormatException(Kind.VALUE, path.toString(), "Decimal('" + text + "') is not valid JSON");
        }
    }

    private static Object javascriptNumber(Value v) {
        if (isBigInt(v)) {
            return v.asBigInteger();
        }
        double d = v.asDouble();
        boolean negativeZero = d == 0 && Double.doubleToRawLongBits(d) != 0;
        if (d == Math.rint(d) && Math.abs(d) <= MAX_SAFE_INTEGER && !negativeZero) {
            return (long) d;
        }
        return d;
    }

    private static boolean isBigInt(Value v) {
        Value meta = v.getMetaObject();
        return meta != null && "bigint".equals(meta.getMetaSimpleName());
    }

    // ---- dates and times ----------------------------------------------------------------------------

    private Object dateTime(Value v, GuestPath path) {
        if (javascript && v.isInstant()) {
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

    private boolean isSequence(Value v) {
        if (javascript) {
            return true;
        }
        for (Value type : pythonSequenceTypes) {
            if (type.isMetaInstance(v)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Objects JSON.stringify would write as their own enumerable members: plain objects and class instances.
     * Built-ins whose data is not in members (a Set, a RegExp, an Error) would silently come out as {@code {}};
     * they are refused instead. (Typed arrays have array elements and are written as lists.)
     */
    private static boolean isPlainJsObject(Value v) {
        if (!v.hasMembers() || v.hasArrayElements() || v.canExecute() || v.isMetaObject() || isSymbol(v)) {
            return false;
        }
        Value meta = v.getMetaObject();
        String type = meta == null ? "Object" : meta.getMetaSimpleName();
        return !(NOT_PLAIN_JS.contains(type) || type.endsWith("Error"));
    }

    private static final java.util.Set<String> NOT_PLAIN_JS = java.util.Set.of("Set", "WeakSet", "WeakMap", "WeakRef",
            "RegExp", "Promise", "ArrayBuffer", "SharedArrayBuffer", "DataView", "FinalizationRegistry");

    private static boolean isSymbol(Value v) {
        Value meta = v.getMetaObject();
        return meta != null && "symbol".equals(meta.getMetaSimpleName());
    }

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
        if (v.isBoolean()) {
            return javascript ? "boolean" : "bool";
        }
        if (v.isString()) {
            return javascript ? "string" : "str";
        }
        if (v.isNumber()) {
            if (javascript) {
                return isBigInt(v) ? "bigint" : "number";
            }
            Object host = v.as(Object.class);
            return host instanceof Double || host instanceof Float ? "float" : "int";
        }
        Value meta = v.getMetaObject();
        if (meta != null) {
            return meta.getMetaSimpleName();
        }
        return v.isNull() ? (javascript ? "null" : "None") : "an unknown value";
    }

    private static String article(String typeName) {
        return (typeName.matches("(?i)^[aeiou].*") ? "an " : "a ") + typeName;
    }

    private static String shortText(Value v) {
        String s = v.toString();
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
