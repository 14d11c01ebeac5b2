package dev.kestrasdk.runner.language.python;

import dev.kestrasdk.runner.bindings.ValueDialect;
import dev.kestrasdk.wire.WireFormatException;
import dev.kestrasdk.wire.WireFormatException.Kind;
import org.graalvm.polyglot.Value;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * Python's values: {@code int} of any size → {@link Long} or {@link java.math.BigInteger}, {@code float} →
 * {@link Double} (told apart by the host type the value maps to, since 1 and 1.0 have the same interop traits);
 * {@code Decimal} → {@link BigDecimal}; {@code timedelta} as a metric value → {@link Duration}; list and tuple
 * (and subclasses) → {@link java.util.List}; set, bytes and other objects are refused, as {@code json.dumps}
 * refuses them.
 */
final class PythonValueDialect implements ValueDialect {
    private final Value[] sequenceTypes;

    /** @param listType Python's {@code list} and {@code tuple} type objects, for {@code isinstance} checks */
    PythonValueDialect(Value listType, Value tupleType) {
        this.sequenceTypes = new Value[] {listType, tupleType};
    }

    @Override
    public String mappingName() {
        return "a dict";
    }

    @Override
    public String sequenceName() {
        return "a list";
    }

    @Override
    public Object number(Value v) {
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
        return null;
    }

    @Override
    public Object ownValue(Value v, Supplier<String> path) {
        String type = typeName(v);
        if (isTime(type, v)) {
            return time(v);
        }
        if (isDecimal(type, v)) {
            return decimal(v, path.get());
        }
        return null;
    }

    @Override
    public Object ownMetricValue(Value v) {
        String type = typeName(v);
        if (isTimedelta(type, v)) {
            return timedelta(v);
        }
        if (isDecimal(type, v)) {
            return decimal(v, "value");
        }
        return null;
    }

    @Override
    public boolean readsInstants() {
        return false;
    }

    @Override
    public boolean isMemberMapping(Value v) {
        return false;
    }

    @Override
    public boolean isSequence(Value v) {
        for (Value type : sequenceTypes) {
            if (type.isMetaInstance(v)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String primitiveTypeName(Value v) {
        if (v.isBoolean()) {
            return "bool";
        }
        if (v.isString()) {
            return "str";
        }
        if (v.isNumber()) {
            Object host = v.as(Object.class);
            return host instanceof Double || host instanceof Float ? "float" : "int";
        }
        return "None";
    }

    /** The simple name of a value's type, asked once per value (each ask is a call into the guest), or {@code null}. */
    private static String typeName(Value v) {
        Value meta = v.getMetaObject();
        return meta == null ? null : meta.getMetaSimpleName();
    }

    private static boolean isTime(String type, Value v) {
        return "time".equals(type) && v.hasMember("utcoffset") && v.hasMember("microsecond") && !v.hasMember("year");
    }

    /**
     * A Python {@code datetime.time}, read from its fields: interop's time-zone query hands the time to its
     * tzinfo, whose utcoffset() accepts only a datetime, so the time's own utcoffset() gives the offset.
     */
    private static Object time(Value v) {
        LocalTime time = LocalTime.of(v.getMember("hour").asInt(), v.getMember("minute").asInt(),
                v.getMember("second").asInt(), v.getMember("microsecond").asInt() * 1000);
        Value offset = v.invokeMember("utcoffset");
        return offset.isNull() ? time : time.atOffset(ZoneOffset.ofTotalSeconds((int) timedelta(offset).getSeconds()));
    }

    private static boolean isTimedelta(String type, Value v) {
        return "timedelta".equals(type) && v.hasMember("days") && v.hasMember("microseconds");
    }

    /** A timedelta's exact length: days, seconds and microseconds are its normalized fields. */
    private static Duration timedelta(Value td) {
        return Duration.ofDays(td.getMember("days").asLong())
                .plusSeconds(td.getMember("seconds").asLong())
                .plusNanos(td.getMember("microseconds").asLong() * 1000);
    }

    private static boolean isDecimal(String type, Value v) {
        // the meta object's qualified name does not carry the module here: check the type's own methods too
        return "Decimal".equals(type) && v.hasMember("as_tuple") && v.hasMember("is_nan");
    }

    /** A Python Decimal keeps its exact digits, as a Java BigDecimal does (wire-format.md 5.5). */
    private static BigDecimal decimal(Value v, String path) {
        String text = v.invokeMember("__str__").asString();
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new WireFormatException(Kind.VALUE, path, "Decimal('" + text + "') is not valid JSON");
        }
    }
}
