package dev.kestrasdk.conformance.wire;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * The documented reasons the encoder refuses a value: NaN and infinities are not JSON; a lone surrogate is not
 * Unicode text; a decimal beyond a double's range (or too small for one) would reach Kestra as Infinity or 0;
 * a negative timer; a Duration given to a counter or gauge. {@link #in} finds the reasons present in values:
 * the encoder must refuse for one of them, or encode when there is none.
 */
enum Refusal {
    NAN("NaN"), INFINITY("Infinity"), LONE_SURROGATE("surrogate"), DECIMAL_OUT_OF_RANGE("64-bit float"), NEGATIVE_TIMER("negative"),
    DURATION_NOT_TIMER("only a timer's value");

    /** A word the encoder's message contains for this reason. */
    final String word;

    Refusal(String word) {
        this.word = word;
    }

    static java.util.Set<Refusal> in(Object... values) {
        java.util.Set<Refusal> found = java.util.EnumSet.noneOf(Refusal.class);
        for (Object v : values) {
            collect(v, found);
        }
        return found;
    }

    private static void collect(Object v, java.util.Set<Refusal> found) {
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getKey() instanceof String k && hasLoneSurrogate(k)) {
                    found.add(LONE_SURROGATE);
                }
                collect(e.getValue(), found);
            }
        } else if (v instanceof Collection<?> c) {
            c.forEach(item -> collect(item, found));
        } else if (of(v) != null) {
            found.add(of(v));
        }
    }

    private static Refusal of(Object v) {
        if (v instanceof Double d) {
            return d.isNaN() ? NAN : d.isInfinite() ? INFINITY : null;
        }
        if (v instanceof Float f) {
            return f.isNaN() ? NAN : f.isInfinite() ? INFINITY : null;
        }
        if (v instanceof BigDecimal b) {
            double d = b.doubleValue();
            return b.signum() != 0 && (Double.isInfinite(d) || d == 0) ? DECIMAL_OUT_OF_RANGE : null;
        }
        if (v instanceof String s) {
            return hasLoneSurrogate(s) ? LONE_SURROGATE : null;
        }
        return null;
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
