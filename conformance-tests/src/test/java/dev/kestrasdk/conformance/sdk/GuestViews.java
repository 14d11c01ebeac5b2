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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a vector's calls become in a guest language, as Java values the reference encoder takes: how the
 * language's adapter decodes typed values (vectors/README.md) and how the polyglot runner's binding then
 * converts them (GuestValues), as the language's {@link GuestView} says. Used by {@link VectorFileGenerator} to
 * write the {@code languages} notes; the binding tests then check those notes against real runs.
 */
final class GuestViews {
    /** Every language's view, by language name in name order (the order of the notes in the vector files). */
    static final Map<String, GuestView> ALL = load();

    /** The calls as the language makes them, or why it cannot. */
    record View(List<Call> calls, String notExpressible, Set<String> reasons) {
    }

    private final GuestView view;
    private final Set<String> reasons = new LinkedHashSet<>();

    private GuestViews(GuestView view) {
        this.view = view;
    }

    private static Map<String, GuestView> load() {
        Map<String, GuestView> views = new TreeMap<>();
        ServiceLoader.load(GuestView.class).forEach(v -> views.put(v.language(), v));
        return Collections.unmodifiableMap(views);
    }

    static View of(String language, String callsJson) {
        GuestViews v = new GuestViews(ALL.get(language));
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
                view.log((String) level, texts, reasons);
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
                return view.integer(n.text(), TypedValues.decode(raw, ""), reasons);
            }
            return view.floatingPoint(Double.parseDouble(n.text()), n.text(), reasons);
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
                return view.floatingPoint((Double) java, (String) p, reasons);
            }
            case "$float32" -> {
                double d = Double.parseDouble((String) p);
                reasons.add(view.displayName() + " has no 32-bit float: $float32 " + p + " is the 64-bit float " + p);
                return view.floatingPoint(d, (String) p, reasons);
            }
            case "$decimal" -> {
                return view.decimal(java);
            }
            case "$datetime" -> {
                return java instanceof LocalDateTime ldt ? view.localDateTime(ldt) : view.offsetDateTime((OffsetDateTime) java, reasons);
            }
            case "$date" -> {
                return view.date((LocalDate) java);
            }
            case "$time" -> {
                return view.time(java, java instanceof LocalTime t ? t.getNano() : ((OffsetTime) java).getNano());
            }
            case "$instant" -> {
                return view.instant((Instant) java);
            }
            case "$duration" -> {
                return view.duration((Duration) java);
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
}
