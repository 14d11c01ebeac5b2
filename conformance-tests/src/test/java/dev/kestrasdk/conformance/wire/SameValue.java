package dev.kestrasdk.conformance.wire;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Whether what Kestra read equals what the SDK was given, by value: integers exactly (Kestra holds Integer,
 * Long or BigInteger), a Double to the same bits (so -0.0 stays -0.0), a Float as a float (its shortest
 * digits are written, which Kestra reads as the nearest double), a BigDecimal as its nearest double.
 */
final class SameValue {
    private SameValue() {
    }

    /** {@code null} when equal, else where and how they differ. */
    static String difference(Object given, Object read, String path) {
        if (given == null || read == null) {
            return given == read ? null : path + ": gave " + given + ", Kestra read " + read;
        }
        if (given instanceof Integer || given instanceof Long || given instanceof BigInteger) {
            boolean same = (read instanceof Integer || read instanceof Long || read instanceof BigInteger)
                    && new BigInteger(given.toString()).equals(new BigInteger(read.toString()));
            return same ? null : path + ": integer " + given + " read as " + describe(read);
        }
        if (given instanceof Double d) {
            return read instanceof Double r && Double.doubleToRawLongBits(r) == Double.doubleToRawLongBits(d) ? null
                    : path + ": double " + d + " read as " + describe(read);
        }
        if (given instanceof Float f) {
            return read instanceof Double r && Float.floatToRawIntBits((float) r.doubleValue()) == Float.floatToRawIntBits(f) ? null
                    : path + ": float " + f + " read as " + describe(read);
        }
        if (given instanceof BigDecimal b) {
            return read instanceof Double r && r == b.doubleValue() ? null : path + ": decimal " + b + " read as " + describe(read);
        }
        if (given instanceof Map<?, ?> g) {
            if (!(read instanceof Map<?, ?> r) || !r.keySet().equals(g.keySet())) {
                return path + ": map with keys " + g.keySet() + " read as " + describe(read);
            }
            for (Map.Entry<?, ?> e : g.entrySet()) {
                String d = difference(e.getValue(), r.get(e.getKey()), path + "." + e.getKey());
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (given instanceof List<?> g) {
            if (!(read instanceof List<?> r) || r.size() != g.size()) {
                return path + ": list of " + g.size() + " read as " + describe(read);
            }
            Iterator<?> ri = r.iterator();
            for (int i = 0; i < g.size(); i++) {
                String d = difference(g.get(i), ri.next(), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return given.equals(read) ? null : path + ": " + describe(given) + " read as " + describe(read);
    }

    private static String describe(Object v) {
        return v == null ? "null" : v + " (" + v.getClass().getSimpleName() + ")";
    }
}
