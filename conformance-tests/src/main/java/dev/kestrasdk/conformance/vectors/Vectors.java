package dev.kestrasdk.conformance.vectors;

import dev.kestrasdk.runner.json.ToolJson;

import dev.kestrasdk.wire.WireFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads the language-neutral test vectors shipped in {@code src/main/resources/vectors} (their format:
 * {@code vectors/README.md}), checking each file against the schema as it goes: a file that breaks it fails with
 * a {@link VectorFormatException} naming the file and the case.
 */
public final class Vectors {
    /** The vector files, in the order cases are listed. */
    public static final List<String> FILES = List.of(
            "outputs-structure.json", "strings.json", "integers.json", "floats.json", "decimals-and-time.json",
            "containers.json", "metrics.json", "timers.json", "logs.json", "assets.json", "errors.json",
            "sequences.json");

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final Set<String> GROUP_KEYS = Set.of("description", "cases");
    private static final Set<String> CASE_KEYS = Set.of("id", "description", "calls", "expect", "languages");
    private static final Set<String> EXPECT_KEYS = Set.of("lines", "error");
    private static final Set<String> ERROR_KEYS = Set.of("kind", "path");

    private Vectors() {
    }

    /** Every case of every file, ids unique across files. */
    public static List<VectorCase> loadAll() {
        List<VectorCase> all = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (String file : FILES) {
            for (VectorCase c : load(file)) {
                String before = seen.putIfAbsent(c.id(), file);
                if (before != null) {
                    throw new VectorFormatException(file + ": case " + c.id() + ": the id is also used in " + before);
                }
                all.add(c);
            }
        }
        return all;
    }

    /** The cases of one file of {@link #FILES}. */
    public static List<VectorCase> load(String file) {
        return parse(file, resource(file), true);
    }

    /** The text of a vector file on the class path. */
    public static String resource(String file) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + file)) {
            if (in == null) {
                throw new VectorFormatException("vectors/" + file + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The cases of a vector file's text.
     *
     * @param requireExpect whether each case must have its {@code expect} (a generator filling them in passes false;
     *                      a case without one then has no lines and no error)
     */
    public static List<VectorCase> parse(String file, String text, boolean requireExpect) {
        Object tree;
        try {
            tree = ToolJson.readExact(text);
        } catch (IllegalArgumentException e) {
            throw new VectorFormatException(file + ": not JSON: " + e.getMessage(), e);
        }
        if (!(tree instanceof List<?> groups)) {
            throw new VectorFormatException(file + ": the top level must be an array of groups");
        }
        List<VectorCase> out = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (int g = 0; g < groups.size(); g++) {
            String where = file + ": group " + g;
            Map<?, ?> group = object(groups.get(g), where);
            keys(group, GROUP_KEYS, Set.of("description", "cases"), where);
            String groupName = string(group.get("description"), where + ": description");
            if (!(group.get("cases") instanceof List<?> cases) || cases.isEmpty()) {
                throw new VectorFormatException(where + " (" + groupName + "): \"cases\" must be a non-empty array");
            }
            for (int c = 0; c < cases.size(); c++) {
                VectorCase vc = parseCase(file, groupName, cases.get(c), c, requireExpect);
                if (!ids.add(vc.id())) {
                    throw new VectorFormatException(file + ": case " + vc.id() + ": the id is used twice");
                }
                out.add(vc);
            }
        }
        return out;
    }

    private static VectorCase parseCase(String file, String group, Object raw, int index, boolean requireExpect) {
        Map<?, ?> c = object(raw, file + ": group \"" + group + "\", case " + index);
        String id = c.get("id") instanceof String s ? s : "#" + index + " of group \"" + group + "\"";
        String where = file + ": case " + id;
        if (!ID.matcher(id).matches()) {
            throw new VectorFormatException(where + ": the id must be kebab case ([a-z0-9]+ joined by '-')");
        }
        keys(c, CASE_KEYS, requireExpect ? Set.of("id", "description", "calls", "expect") : Set.of("id", "description", "calls"),
                where);
        String description = string(c.get("description"), where + ": description");
        if (!(c.get("calls") instanceof List<?> rawCalls) || rawCalls.isEmpty()) {
            throw new VectorFormatException(where + ": \"calls\" must be a non-empty array");
        }
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < rawCalls.size(); i++) {
            try {
                calls.add(call(rawCalls.get(i), "calls[" + i + "]"));
            } catch (IllegalArgumentException e) {
                throw new VectorFormatException(where + ": " + e.getMessage(), e);
            }
        }
        List<String> lines = new ArrayList<>();
        ExpectedError error = null;
        if (c.containsKey("expect")) {
            Map<?, ?> expect = object(c.get("expect"), where + ": expect");
            keys(expect, EXPECT_KEYS, Set.of("lines"), where + ": expect");
            if (!(expect.get("lines") instanceof List<?> l)) {
                throw new VectorFormatException(where + ": expect.lines must be an array of strings");
            }
            for (Object line : l) {
                lines.add(string(line, where + ": expect.lines"));
            }
            if (expect.containsKey("error")) {
                Map<?, ?> e = object(expect.get("error"), where + ": expect.error");
                keys(e, ERROR_KEYS, ERROR_KEYS, where + ": expect.error");
                String kind = string(e.get("kind"), where + ": expect.error.kind");
                if (!kind.equals("TYPE") && !kind.equals("VALUE")) {
                    throw new VectorFormatException(where + ": expect.error.kind must be TYPE or VALUE, not " + kind);
                }
                error = new ExpectedError(WireFormatException.Kind.valueOf(kind), string(e.get("path"), where + ": expect.error.path"));
            }
        }
        Map<String, String> languages = new LinkedHashMap<>();
        if (c.containsKey("languages")) {
            Map<?, ?> l = object(c.get("languages"), where + ": languages");
            for (Map.Entry<?, ?> e : l.entrySet()) {
                String language = (String) e.getKey();
                if (!LANGUAGE.matcher(language).matches()) {
                    throw new VectorFormatException(where + ": languages: \"" + language + "\" is not a language name (js, python, ...)");
                }
                String note = string(e.getValue(), where + ": languages." + language);
                try {
                    LanguageNote.parse(note);
                } catch (IllegalArgumentException bad) {
                    throw new VectorFormatException(where + ": languages." + language + ": " + bad.getMessage(), bad);
                }
                languages.put(language, note);
            }
        }
        return new VectorCase(id, group, description, ToolJson.write(rawCalls), calls, lines, error, languages);
    }

    private static Call call(Object raw, String at) {
        if (!(raw instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(at + ": a call is an object {\"verb\": ..., \"args\": {...}}");
        }
        if (!m.keySet().equals(Set.of("verb", "args"))) {
            throw new IllegalArgumentException(at + ": a call has exactly the keys \"verb\" and \"args\", not " + m.keySet());
        }
        if (!(m.get("verb") instanceof String verb) || !Call.VERBS.contains(verb)) {
            throw new IllegalArgumentException(at + ": unknown verb " + ToolJson.write(m.get("verb")) + " (known: " + Call.VERBS + ")");
        }
        if (!(m.get("args") instanceof Map<?, ?> args)) {
            throw new IllegalArgumentException(at + ".args: must be an object");
        }
        Set<String> allowed = Call.ARGS.get(verb);
        for (Object k : args.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(at + ".args: unknown argument \"" + k + "\" for " + verb + " (known: " + allowed + ")");
            }
        }
        Map<String, Object> decoded = new LinkedHashMap<>();
        String a = at + ".args";
        switch (verb) {
            case "outputs", "assets" -> decoded.put("values", TypedValues.decode(required(args, "values", a), a + ".values"));
            case "log" -> {
                Object level = required(args, "level", a);
                if (level != null && !(level instanceof String s && Call.LEVELS.contains(s))) {
                    throw new IllegalArgumentException(a + ".level: one of " + Call.LEVELS + " or null, not " + ToolJson.write(level));
                }
                decoded.put("level", level);
                Object messages = required(args, "messages", a);
                if (messages != null) {
                    if (!(messages instanceof List<?> list)) {
                        throw new IllegalArgumentException(a + ".messages: an array of strings and nulls, or null");
                    }
                    for (Object msg : list) {
                        if (msg != null && !(msg instanceof String)) {
                            throw new IllegalArgumentException(a + ".messages: an array of strings and nulls, not " + ToolJson.write(msg));
                        }
                    }
                    messages = new ArrayList<>(list);
                }
                decoded.put("messages", messages);
            }
            default -> {
                Object name = required(args, "name", a);
                if (name != null && !(name instanceof String)) {
                    throw new IllegalArgumentException(a + ".name: a string or null, not " + ToolJson.write(name));
                }
                decoded.put("name", name);
                decoded.put("value", TypedValues.decode(required(args, "value", a), a + ".value"));
                if (args.containsKey("tags")) {
                    Object tags = TypedValues.decode(args.get("tags"), a + ".tags");
                    if (tags != null && !(tags instanceof Map)) {
                        throw new IllegalArgumentException(a + ".tags: a map ({...} or $map) or null");
                    }
                    decoded.put("tags", tags);
                }
            }
        }
        return new Call(verb, decoded);
    }

    private static Object required(Map<?, ?> args, String name, String at) {
        if (!args.containsKey(name)) {
            throw new IllegalArgumentException(at + ": \"" + name + "\" is required");
        }
        return args.get(name);
    }

    private static Map<?, ?> object(Object raw, String where) {
        if (!(raw instanceof Map<?, ?> m)) {
            throw new VectorFormatException(where + ": must be an object");
        }
        return m;
    }

    private static String string(Object raw, String where) {
        if (!(raw instanceof String s)) {
            throw new VectorFormatException(where + ": must be a string");
        }
        return s;
    }

    private static void keys(Map<?, ?> m, Set<String> allowed, Set<String> required, String where) {
        for (Object k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new VectorFormatException(where + ": unknown key \"" + k + "\" (allowed: " + allowed + ")");
            }
        }
        for (String k : required) {
            if (!m.containsKey(k)) {
                throw new VectorFormatException(where + ": \"" + k + "\" is required");
            }
        }
    }
}
