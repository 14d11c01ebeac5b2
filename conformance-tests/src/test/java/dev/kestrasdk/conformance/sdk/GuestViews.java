package dev.kestrasdk.conformance.sdk;

import dev.kestrasdk.conformance.vectors.Call;
import dev.kestrasdk.conformance.vectors.RawJson;
import dev.kestrasdk.conformance.vectors.TypedValues;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a vector's calls become in JavaScript or Python, as Java values the reference encoder takes: how the
 * JS and Python adapters decode typed values (vectors/README.md) and how the polyglot runner's bindings then
 * convert them (GuestValues). Used by {@link VectorFileGenerator} to write the {@code languages} notes; the
 * binding tests then check those notes against real runs.
 */
final class GuestViews {
    static final String JS = "js";
    static final String PYTHON = "python";

    /** The calls as the language makes them, or why it cannot. */
    record View(List<Call> calls, String notExpressible, Set<String> reasons) {
    }

    private static final class NotExpressible extends RuntimeException {
        NotExpressible(String reason) {
            super(reason, null, false, false);
        }
    }

    private final String language;
    private final Set<String> reasons = new LinkedHashSet<>();

    private GuestViews(String language) {
        this.language = language;
    }

    static View of(String language, String callsJson) {
        GuestViews v = new GuestViews(language);
        List<Call> calls = new ArrayList<>();
        try {
            for (Object raw : (List<?>) RawJson.parse(callsJson)) {
                calls.add(v.call((Map<?, ?>) raw));
            }
        } catch (NotExpressible e) {
            return new View(null, e.getMessage(), v.reasons);
        }
        return new View(calls, null, v.reasons);
    }

    private boolean js() {
        return language.equals(JS);
    }

    private Call call(Map<?, ?> raw) {
        String verb = (String) raw.get("verb");
        Map<?, ?> args = (Map<?, ?>) raw.get("args");
        Map<String, Object> out = new LinkedHashMap<>();
        switch (verb) {
            case "outputs", "assets" -> out.put("values", value(args.get("values")));
            case "log" -> {
                Object level = args.get("level");
                Object messages = args.get("messages");
                if (level == null) {
                    throw new NotExpressible("not expressible: the level is the logger method's name, it cannot be missing");
                }
                if (messages == null) {
                    throw new NotExpressible("not expressible: the messages are the logger call's arguments, they cannot be null");
                }
                List<Object> texts = new ArrayList<>((List<?>) messages);
                if (!js()) {
                    if (level.equals("TRACE")) {
                        throw new NotExpressible("not expressible: Python's logging has no TRACE level below DEBUG, where the Kestra logger stops");
                    }
                    if (texts.size() != 1) {
                        throw new NotExpressible("not expressible: a Python logging call writes exactly one message");
                    }
                    if (texts.get(0) == null) {
                        reasons.add("Python's logging formats the message None as 'None'");
                        texts.set(0, "None");
                    }
                }
                out.put("level", level);
                out.put("messages", texts);
            }
            default -> {
                out.put("name", args.get("name"));
                out.put("value", value(args.get("value")));
                if (args.containsKey("tags")) {
                    out.put("tags", value(args.get("tags")));
                }
            }
        }
        return new Call(verb, out);
    }

    private Object value(Object raw) {
        if (raw instanceof RawJson.Num n) {
            if (n.integral()) {
                return js() ? jsNumber(Double.parseDouble(n.text()), n.text(), true) : TypedValues.decode(raw, "");
            }
            double d = Double.parseDouble(n.text());
            return js() ? jsNumber(d, n.text(), false) : d;
        }
        if (raw instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(value(o));
            }
            return out;
        }
        String tag = TypedValues.tagOf(raw);
        if (raw instanceof Map<?, ?> m && tag == null) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, value(v)));
            return out;
        }
        if (tag == null) {
            return raw; // null, boolean, string
        }
        Object p = TypedValues.payload(raw);
        Object java = TypedValues.decode(raw, "");
        switch (tag) {
            case "$int" -> {
                return java; // JS: a BigInt; Python: an int
            }
            case "$float" -> {
                return js() ? jsNumber((Double) java, (String) p, false) : java;
            }
            case "$float32" -> {
                double d = Double.parseDouble((String) p);
                reasons.add((js() ? "JavaScript" : "Python") + " has no 32-bit float: $float32 " + p + " is the 64-bit float " + p);
                return js() ? jsNumber(d, (String) p, false) : d;
            }
            case "$decimal" -> {
                if (js()) {
                    throw new NotExpressible("not expressible: JavaScript has no decimal type");
                }
                return java; // a decimal.Decimal keeps its digits, as a BigDecimal
            }
            case "$datetime" -> {
                if (java instanceof LocalDateTime ldt) {
                    if (js()) {
                        throw new NotExpressible("not expressible: JavaScript has no local date-time (a Date is an instant)");
                    }
                    pythonTime(ldt.getNano(), ldt.getYear());
                    return java;
                }
                OffsetDateTime odt = (OffsetDateTime) java;
                if (js()) {
                    jsTime(odt.getNano());
                    if (!odt.getOffset().equals(ZoneOffset.UTC)) {
                        reasons.add("a JavaScript Date is an instant, written in UTC");
                    }
                    return odt.toInstant();
                }
                pythonTime(odt.getNano(), odt.getYear());
                return java;
            }
            case "$date" -> {
                if (js()) {
                    throw new NotExpressible("not expressible: JavaScript has no date without a time (a Date is an instant)");
                }
                pythonTime(0, ((LocalDate) java).getYear());
                return java;
            }
            case "$time" -> {
                if (js()) {
                    throw new NotExpressible("not expressible: JavaScript has no time of day (a Date is an instant)");
                }
                pythonTime(java instanceof LocalTime t ? t.getNano() : ((OffsetTime) java).getNano(), 2000);
                return java;
            }
            case "$instant" -> {
                Instant i = (Instant) java;
                if (js()) {
                    jsTime(i.getNano());
                    return java;
                }
                OffsetDateTime utc = i.atOffset(ZoneOffset.UTC);
                pythonTime(utc.getNano(), utc.getYear());
                return utc; // an aware datetime in UTC
            }
            case "$duration" -> {
                if (js()) {
                    throw new NotExpressible("not expressible: JavaScript has no duration type");
                }
                if (((Duration) java).getNano() % 1000 != 0) {
                    throw new NotExpressible("not expressible: a Python timedelta holds microseconds");
                }
                return java;
            }
            case "$map" -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                for (Object pair : (List<?>) p) {
                    List<?> kv = (List<?>) pair;
                    out.put(value(kv.get(0)), value(kv.get(1)));
                }
                return out;
            }
            default -> {
                return java; // $set, $repeat, $nest, $cycle, $unsupported: the same in every language
            }
        }
    }

    private static final double MAX_SAFE = 9007199254740991d;

    /** A JS number as the binding converts it: an integer within the safe range (not -0) is an integer. */
    private Object jsNumber(double d, String text, boolean integerToken) {
        boolean negativeZero = d == 0 && 1 / d < 0;
        boolean asInteger = d == Math.rint(d) && Math.abs(d) <= MAX_SAFE && !negativeZero;
        if (integerToken && !asInteger) {
            reasons.add("JSON.parse reads the integer " + text + " as the double " + dev.kestrasdk.internal.wire.CanonicalNumbers.ofDouble(d) + ", not an integer");
        } else if (!integerToken && asInteger) {
            reasons.add("JavaScript has one number type: the float " + text + " is an integer there");
        }
        if (asInteger) {
            return (long) d;
        }
        return d;
    }

    private static void jsTime(int nanos) {
        if (nanos % 1_000_000 != 0) {
            throw new NotExpressible("not expressible: a JavaScript Date holds milliseconds");
        }
    }

    private static void pythonTime(int nanos, int year) {
        if (nanos % 1000 != 0) {
            throw new NotExpressible("not expressible: Python's datetime and time hold microseconds");
        }
        if (year < 1 || year > 9999) {
            throw new NotExpressible("not expressible: Python's datetime covers years 1 to 9999");
        }
    }
}
