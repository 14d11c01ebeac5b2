package dev.kestrasdk.runner.language.javascript;

import dev.kestrasdk.runner.bindings.ValueDialect;
import org.graalvm.polyglot.Value;

import java.util.Set;
import java.util.function.Supplier;

/**
 * JavaScript's values: a number that is an integer within ±(2^53-1), and not -0, → {@link Long}, any other
 * number → {@link Double} (-0 stays -0.0); BigInt → {@link java.math.BigInteger}; Date → {@link java.time.Instant};
 * arrays → {@link java.util.List}; other objects → {@link java.util.Map} of their own enumerable members,
 * skipping members that are undefined, as {@code JSON.stringify} does; functions and symbols are refused.
 */
final class JavaScriptValueDialect implements ValueDialect {
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    private static final Set<String> NOT_PLAIN = Set.of("Set", "WeakSet", "WeakMap", "WeakRef",
            "RegExp", "Promise", "ArrayBuffer", "SharedArrayBuffer", "DataView", "FinalizationRegistry");

    @Override
    public String mappingName() {
        return "an object";
    }

    @Override
    public String sequenceName() {
        return "an array";
    }

    @Override
    public Object number(Value v) {
        // Most numbers are settled without asking for the meta object (each ask is a slow call into the guest):
        // a safe integer is written and read back alike whether it is a number or a BigInt, and a fraction is
        // never a BigInt. (-0 does not fit in a long.)
        if (v.fitsInLong()) {
            long l = v.asLong();
            if (Math.abs(l) <= MAX_SAFE_INTEGER) {
                return l;
            }
        } else if (v.fitsInDouble()) {
            double d = v.asDouble();
            if (d != Math.rint(d)) {
                return d;
            }
        }
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

    @Override
    public Object ownValue(Value v, Supplier<String> path) {
        return null;
    }

    @Override
    public Object ownMetricValue(Value v) {
        return null;
    }

    @Override
    public boolean readsInstants() {
        return true;
    }

    /**
     * Objects JSON.stringify would write as their own enumerable members: plain objects and class instances.
     * Built-ins whose data is not in members (a Set, a RegExp, an Error) would silently come out as {@code {}};
     * they are refused instead. (Typed arrays have array elements and are written as lists.)
     */
    @Override
    public boolean isMemberMapping(Value v) {
        if (!v.hasMembers() || v.hasArrayElements() || v.canExecute() || v.isMetaObject()) {
            return false;
        }
        Value meta = v.getMetaObject(); // asked once: each ask is a call into the guest
        String type = meta == null ? "Object" : meta.getMetaSimpleName();
        return !("symbol".equals(type) || NOT_PLAIN.contains(type) || type.endsWith("Error"));
    }

    @Override
    public boolean isSequence(Value v) {
        return true;
    }

    @Override
    public String primitiveTypeName(Value v) {
        if (v.isBoolean()) {
            return "boolean";
        }
        if (v.isString()) {
            return "string";
        }
        if (v.isNumber()) {
            return isBigInt(v) ? "bigint" : "number";
        }
        return "null";
    }

    private static boolean isBigInt(Value v) {
        Value meta = v.getMetaObject();
        return meta != null && "bigint".equals(meta.getMetaSimpleName());
    }
}
