package dev.kestrasdk.conformance.sdk;

import dev.kestrasdk.internal.wire.CanonicalNumbers;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * JavaScript's view: one number type (an integer within the safe range, not -0, is an integer), BigInt for
 * {@code $int}, a Date (an instant in milliseconds) for date-times; no decimal, local date, time or duration.
 */
public final class JavaScriptView implements GuestView {
    private static final double MAX_SAFE = 9007199254740991d;

    @Override
    public String language() {
        return "js";
    }

    @Override
    public String displayName() {
        return "JavaScript";
    }

    @Override
    public void log(String level, List<Object> messages, Set<String> reasons) {
        // the logger takes any number of messages, null included, at every level
    }

    @Override
    public Object integer(String text, Object decoded, Set<String> reasons) {
        return number(Double.parseDouble(text), text, true, reasons);
    }

    @Override
    public Object floatingPoint(double value, String text, Set<String> reasons) {
        return number(value, text, false, reasons);
    }

    @Override
    public Object decimal(Object decoded) {
        throw new NotExpressible("not expressible: JavaScript has no decimal type");
    }

    @Override
    public Object localDateTime(LocalDateTime value) {
        throw new NotExpressible("not expressible: JavaScript has no local date-time (a Date is an instant)");
    }

    @Override
    public Object offsetDateTime(OffsetDateTime value, Set<String> reasons) {
        milliseconds(value.getNano());
        if (!value.getOffset().equals(ZoneOffset.UTC)) {
            reasons.add("a JavaScript Date is an instant, written in UTC");
        }
        return value.toInstant();
    }

    @Override
    public Object date(LocalDate value) {
        throw new NotExpressible("not expressible: JavaScript has no date without a time (a Date is an instant)");
    }

    @Override
    public Object time(Object value, int nanos) {
        throw new NotExpressible("not expressible: JavaScript has no time of day (a Date is an instant)");
    }

    @Override
    public Object instant(Instant value) {
        milliseconds(value.getNano());
        return value;
    }

    @Override
    public Object duration(Duration value) {
        throw new NotExpressible("not expressible: JavaScript has no duration type");
    }

    /** A JS number as the binding converts it: an integer within the safe range (not -0) is an integer. */
    private static Object number(double d, String text, boolean integerToken, Set<String> reasons) {
        boolean negativeZero = d == 0 && 1 / d < 0;
        boolean asInteger = d == Math.rint(d) && Math.abs(d) <= MAX_SAFE && !negativeZero;
        if (integerToken && !asInteger) {
            reasons.add("JSON.parse reads the integer " + text + " as the double " + CanonicalNumbers.ofDouble(d) + ", not an integer");
        } else if (!integerToken && asInteger) {
            reasons.add("JavaScript has one number type: the float " + text + " is an integer there");
        }
        if (asInteger) {
            return (long) d;
        }
        return d;
    }

    private static void milliseconds(int nanos) {
        if (nanos % 1_000_000 != 0) {
            throw new NotExpressible("not expressible: a JavaScript Date holds milliseconds");
        }
    }
}
