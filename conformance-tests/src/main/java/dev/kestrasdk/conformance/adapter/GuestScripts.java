package dev.kestrasdk.conformance.adapter;

import dev.kestrasdk.conformance.vectors.RawJson;
import dev.kestrasdk.conformance.vectors.TypedValues;
import dev.kestrasdk.runner.language.CallSyntax;
import dev.kestrasdk.runner.language.GuestLanguage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a vector's calls as source of a guest language, typed values as the guest's own literals (its
 * {@link CallSyntax}: Python int, float, Decimal, datetime, dict, list, set, None, an object; JavaScript number,
 * BigInt, Date, object, array, Map, Set, Symbol), so the binding sees what a script author's values would be.
 * Several cases go into one script; each runs in its own block and reports on stdout:
 *
 * <pre>
 * @@case &lt;id&gt;            (also on stderr, where WARN and ERROR logs go)
 * ... the lines its calls print ...
 * @@ok | @@error &lt;exception type&gt; &lt;message&gt;
 * </pre>
 *
 * Strings escape '{' and '}' so that no script text looks like a template to the runner ({{ or {%).
 */
public final class GuestScripts {
    public static final String CASE = "@@case ";
    public static final String OK = "@@ok";
    public static final String ERROR = "@@error ";

    private final GuestLanguage language;
    private final CallSyntax syntax;
    private final StringBuilder out = new StringBuilder();
    private int count;

    public GuestScripts(GuestLanguage language) {
        this.language = language;
        this.syntax = language.callSyntax();
        out.append(syntax.prelude());
    }

    public void add(String id, String callsJson) {
        List<?> calls = (List<?>) RawJson.parse(callsJson);
        List<String> statements = new ArrayList<>();
        for (Object call : calls) {
            statements.add(call((Map<?, ?>) call));
        }
        out.append(syntax.caseBlock(count++, id, statements));
    }

    public String text() {
        String text = out.toString();
        if (text.contains("{{") || text.contains("{%")) {
            throw new IllegalStateException("the script would be rendered as a template");
        }
        return text;
    }

    // ---- calls ------------------------------------------------------------------------------------------

    private String call(Map<?, ?> call) {
        String verb = (String) call.get("verb");
        Map<?, ?> args = (Map<?, ?>) call.get("args");
        switch (verb) {
            case "outputs", "assets" -> {
                return "Kestra." + verb + "(" + value(args.get("values")) + ")";
            }
            case "log" -> {
                String level = syntax.loggerMethod(((String) args.get("level")).toLowerCase());
                StringBuilder b = new StringBuilder("_log.").append(level).append('(');
                List<?> messages = (List<?>) args.get("messages");
                for (int i = 0; i < messages.size(); i++) {
                    b.append(i > 0 ? ", " : "").append(value(messages.get(i)));
                }
                return b.append(')').toString();
            }
            default -> {
                StringBuilder b = new StringBuilder("Kestra.").append(verb).append('(').append(value(args.get("name")))
                        .append(", ").append(value(args.get("value")));
                if (args.containsKey("tags")) {
                    b.append(", ").append(value(args.get("tags")));
                }
                return b.append(')').toString();
            }
        }
    }

    // ---- values -----------------------------------------------------------------------------------------

    private String value(Object raw) {
        if (raw == null) {
            return syntax.nullLiteral();
        }
        if (raw instanceof Boolean b) {
            return syntax.booleanLiteral(b);
        }
        if (raw instanceof String s) {
            return string(s);
        }
        if (raw instanceof RawJson.Num n) {
            return n.text();
        }
        if (raw instanceof List<?> l) {
            return "[" + String.join(", ", values(l)) + "]";
        }
        String tag = TypedValues.tagOf(raw);
        if (tag == null) {
            List<Map.Entry<String, String>> members = new ArrayList<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) raw).entrySet()) {
                members.add(Map.entry(string((String) e.getKey()), value(e.getValue())));
            }
            return syntax.object(members);
        }
        try {
            return typed(tag, TypedValues.payload(raw), TypedValues.decode(raw, ""));
        } catch (UnsupportedOperationException noLiteral) {
            throw new IllegalArgumentException(tag + " has no " + language.displayName() + " value (the case's "
                    + language.name() + " note says so)");
        }
    }

    private List<String> values(List<?> items) {
        List<String> literals = new ArrayList<>();
        for (Object item : items) {
            literals.add(value(item));
        }
        return literals;
    }

    private String typed(String tag, Object p, Object java) {
        return switch (tag) {
            case "$int" -> syntax.integer((String) p);
            case "$float", "$float32" -> syntax.floatingPoint(string((String) p));
            case "$decimal" -> syntax.decimal(string((String) p));
            case "$datetime" -> java instanceof LocalDateTime t ? syntax.dateTime(t) : syntax.dateTime((OffsetDateTime) java);
            case "$date" -> syntax.date((LocalDate) java);
            case "$time" -> java instanceof OffsetTime t ? syntax.time(t) : syntax.time((LocalTime) java);
            case "$instant" -> syntax.instant((Instant) java);
            case "$duration" -> syntax.duration((Duration) java);
            case "$map" -> {
                List<Map.Entry<String, String>> pairs = new ArrayList<>();
                for (Object pair : (List<?>) p) {
                    List<?> kv = (List<?>) pair;
                    pairs.add(Map.entry(value(kv.get(0)), value(kv.get(1))));
                }
                yield syntax.map(pairs);
            }
            case "$set" -> syntax.set(values((List<?>) p));
            case "$repeat" -> {
                List<?> r = (List<?>) p;
                yield syntax.repeat(string((String) r.get(0)), r.get(1));
            }
            case "$nest" -> {
                Map<?, ?> spec = (Map<?, ?>) p;
                yield "_nest(" + spec.get("depth") + ", " + value(spec.get("leaf")) + ")";
            }
            case "$cycle" -> "_cycle()";
            case "$unsupported" -> syntax.unsupported(string((String) p));
            default -> throw new IllegalArgumentException("unknown tag " + tag);
        };
    }

    /** A string literal of the guest: ASCII, every other code unit or code point escaped; braces escaped. */
    private String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '"' || cp == '\\') {
                b.append('\\').append((char) cp);
            } else if (cp >= 0x20 && cp < 0x7f && cp != '{' && cp != '}') {
                b.append((char) cp);
            } else if (cp <= 0xffff) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.append(syntax.astralEscape(cp));
            }
        }
        return b.append('"').toString();
    }
}
