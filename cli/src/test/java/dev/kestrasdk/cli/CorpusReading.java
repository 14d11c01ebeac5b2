package dev.kestrasdk.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What Kestra reads from a corpus script (examples/real-world/), compared as render_and_run_native.py compares
 * it: the exit code, the failure's type when the native run failed, outputs, metrics and logs; values the case
 * lists as {@code varying} are {@code "<varies>"}, ISO-8601 times in log messages {@code "<time>"} (PyPI kestra's
 * logger starts each message with one), and numbers are compared by value, not by their JSON type.
 */
final class CorpusReading {
    static final String VARIES = "<varies>";
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:Z|[+-]\\d\\d:\\d\\d)");

    private CorpusReading() {
    }

    /** The reading of a {@code run --json} document, with the case's varying values marked. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> ofRunResult(Map<String, Object> doc, List<String> varying) {
        Map<String, Object> outputs = new LinkedHashMap<>((Map<String, Object>) doc.get("outputs"));
        outputs.replaceAll((k, v) -> varying.contains("outputs.*") || varying.contains("outputs." + k) ? VARIES : v);
        List<Object> metrics = new ArrayList<>();
        for (Object m : (List<Object>) doc.get("metrics")) {
            Map<String, Object> metric = (Map<String, Object>) m;
            boolean varies = varying.contains("metrics.*.value") || varying.contains("metrics." + metric.get("name") + ".value");
            Map<String, Object> copy = new LinkedHashMap<>();
            copy.put("type", metric.get("type"));
            copy.put("name", metric.get("name"));
            copy.put("value", varies ? VARIES : metric.get("value"));
            copy.put("tags", metric.get("tags"));
            metrics.add(copy);
        }
        List<Object> logs = new ArrayList<>();
        for (Object l : (List<Object>) doc.get("logs")) {
            Map<String, Object> log = (Map<String, Object>) l;
            logs.add(Map.of("level", log.get("level"), "message", TIMESTAMP.matcher(String.valueOf(log.get("message"))).replaceAll("<time>")));
        }
        Map<String, Object> reading = new LinkedHashMap<>();
        reading.put("exitCode", doc.get("exitCode"));
        reading.put("outputs", outputs);
        reading.put("metrics", metrics);
        reading.put("logs", logs);
        Map<String, Object> failure = (Map<String, Object>) doc.get("failure");
        reading.put("failure", failure == null ? null : failure.get("type") + ": " + failure.get("message"));
        return reading;
    }

    /** Why {@code got} is not {@code expected} (expected.json), or null when Kestra reads the same. */
    @SuppressWarnings("unchecked")
    static String difference(Map<String, Object> expected, Map<String, Object> got) {
        if (!same(expected.get("exitCode"), got.get("exitCode"))) {
            return "exit code " + got.get("exitCode") + " (native " + expected.get("exitCode") + ")"
                    + (got.get("failure") == null ? "" : ": " + firstLine((String) got.get("failure")));
        }
        if (!same(expected.get("exitCode"), 0)) {
            String nativeType = failureType((String) expected.get("failure"));
            if (!nativeType.equals(failureType((String) got.get("failure")))) {
                return "fails differently: " + firstLine((String) got.get("failure")) + " (native " + nativeType + ")";
            }
        }
        for (String key : List.of("outputs", "metrics", "logs")) {
            Object a = expected.get(key);
            Object b = got.get(key);
            if (!same(a, b)) {
                if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
                    for (int i = 0; i < la.size(); i++) {
                        if (!same(la.get(i), lb.get(i))) {
                            a = la.get(i);
                            b = lb.get(i);
                            break;
                        }
                    }
                } else if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
                    TreeSet<String> keys = new TreeSet<>((java.util.Set<String>) ma.keySet());
                    keys.addAll((java.util.Set<String>) mb.keySet());
                    for (String k : keys) {
                        if (!ma.containsKey(k) || !mb.containsKey(k) || !same(ma.get(k), mb.get(k))) {
                            a = "{" + k + "=" + ma.get(k) + "}";
                            b = "{" + k + "=" + mb.get(k) + "}";
                            break;
                        }
                    }
                }
                return key + " differ: native " + cut(String.valueOf(a), 70) + ", runner " + cut(String.valueOf(b), 70);
            }
        }
        return null;
    }

    /** The type a failure text names: {@code TypeError} of "TypeError: 'int' object ..." or "builtins.TypeError: ...". */
    static String failureType(String failure) {
        String head = (failure == null ? "" : failure).split(":", 2)[0].strip();
        return !head.isEmpty() && !head.contains(" ") ? head.substring(head.lastIndexOf('.') + 1) : head;
    }

    private static boolean same(Object a, Object b) {
        if (VARIES.equals(a) || VARIES.equals(b)) {
            return true;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(k -> same(x.get(k), y.get(k)));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a == null ? b == null : a.equals(b);
    }

    private static String firstLine(String text) {
        return cut(text == null ? "?" : text.lines().findFirst().orElse(""), 140);
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "..." : text;
    }
}
