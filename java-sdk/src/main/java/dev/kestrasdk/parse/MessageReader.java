package dev.kestrasdk.parse;

import dev.kestrasdk.parse.JsonTree.Num;
import dev.kestrasdk.parse.JsonTree.Obj;
import dev.kestrasdk.protocol.LogEntry;
import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.protocol.Message;
import dev.kestrasdk.protocol.Metric;
import dev.kestrasdk.protocol.MetricType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a payload tree into what Kestra's reader makes of it: the same type checks and coercions as
 * its Jackson data binding of {@code TaskLogMatch(outputs, metrics, logs, assets)} (and, from 2.0, {@code otlp},
 * read by {@link OtlpReader}), as measured on Kestra 1.3.19 and 2.0.0 and checked by this project's differential
 * tests against Kestra's own classes. Which keys, metric types and log levels exist is {@link Kestra13}'s and
 * {@link Kestra20}'s to say. Anything Kestra refuses throws
 * {@link Rejected}; anything it accepts with a loss adds a warning.
 */
final class MessageReader {
    private static final Set<String> LOG_LINE = Set.copyOf(Kestra13.LOG_ENTRY_KEYS);
    // each version's top-level keys as a set, made once (a copy per line was a visible share of reading one)
    private static final Map<KestraVersion, Set<String>> TOP_LEVEL_KEYS = topLevelKeySets();

    static final class Rejected extends Exception {
        final String code;

        Rejected(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private final KestraVersion version;
    private final List<Diagnostic> warnings;
    private OtlpContent otlp;

    MessageReader(KestraVersion version, List<Diagnostic> warnings) {
        this.version = version;
        this.warnings = warnings;
    }

    Message read(Obj root) throws Rejected {
        List<String> keys = version.topLevelKeys();
        checkRecord(root, TOP_LEVEL_KEYS.get(version), "the line");
        for (String key : root.keySet()) {
            if (!keys.contains(key)) {
                warnings.add(Diagnostic.warning("unknown-key", "top-level key \"" + key + "\" is ignored by Kestra " + version.label()
                        + (key.equals(EncryptedOutputs.KEY) ? " (only Kestra's Enterprise Edition reads it)" : "")
                        + " (known: " + String.join(", ", keys) + ")"));
            }
        }
        Map<String, Object> outputs = readLast(root, "outputs", (r, n) -> r.readOutputs(n));
        List<Metric> metrics = readLast(root, "metrics", (r, n) -> r.readMetrics(n));
        List<LogEntry> logs = readLast(root, "logs", (r, n) -> r.readLogs(n));
        Map<String, Object> assets = readLast(root, "assets", (r, n) -> new AssetReader(r).read(n));
        if (version.readsOtlp() && root.containsKey(Kestra20.OTLP_KEY)) {
            otlp = readLast(root, Kestra20.OTLP_KEY, (r, n) -> new OtlpReader(r, r.warnings).read(n, Kestra20.OTLP_KEY));
            if (otlp != null) {
                // Kestra 2.0 forwards the otlp content after the line's own metrics and logs
                List<Metric> all = new ArrayList<>(metrics == null ? List.of() : metrics);
                for (OtlpContent.MetricPoint p : otlp.metrics()) {
                    all.add(p.metric());
                }
                metrics = all;
                List<LogEntry> allLogs = new ArrayList<>(logs == null ? List.of() : logs);
                for (OtlpContent.Log l : otlp.logs()) {
                    allLogs.add(l.entry());
                }
                logs = allLogs;
            }
        }
        return new Message(outputs, metrics, logs, assets);
    }

    private static Map<KestraVersion, Set<String>> topLevelKeySets() {
        Map<KestraVersion, Set<String>> sets = new java.util.EnumMap<>(KestraVersion.class);
        for (KestraVersion v : KestraVersion.values()) {
            sets.put(v, Set.copyOf(v.topLevelKeys()));
        }
        return sets;
    }

    /** The Kestra version whose reading this is. */
    KestraVersion version() {
        return version;
    }

    /** The OTLP content of the line last read, or {@code null} when it has none. */
    OtlpContent otlp() {
        return otlp;
    }

    /** Reads one field of a typed object (a {@link MessageReader} to report with, and the node). */
    @FunctionalInterface
    interface Reading<T> {
        T apply(MessageReader reader, Object node) throws Rejected;
    }

    /**
     * Reads the value of {@code key}. Jackson deserializes every occurrence of a repeated key and keeps the
     * last, so an earlier value it cannot read still fails the whole line: those are read too, quietly.
     */
    <T> T readLast(Obj obj, String key, Reading<T> reading) throws Rejected {
        List<Object> earlier = obj.earlier(key);
        if (!earlier.isEmpty()) {
            MessageReader quiet = new MessageReader(version, new ArrayList<>());
            for (Object node : earlier) {
                reading.apply(quiet, node);
            }
        }
        return reading.apply(this, obj.get(key));
    }

    /** Rejects an object Kestra reads as a Java record when one of its components is repeated too late (see {@link Obj#repeatedAfterAll}). */
    static void checkRecord(Obj obj, Set<String> components, String what) throws Rejected {
        String key = obj.repeatedAfterAll(components);
        if (key != null) {
            throw new Rejected("duplicate-key", "\"" + key + "\" appears again in " + what + " after all of " + components
                    + " were read; Kestra's reader fails on it");
        }
    }

    // ---- outputs ----------------------------------------------------------------------------------

    private Map<String, Object> readOutputs(Object node) throws Rejected {
        if (node == null) {
            return null;
        }
        if (!(node instanceof Obj obj)) {
            throw new Rejected("wrong-type", "\"outputs\" must be an object, not " + kind(node));
        }
        return plainMap(obj, "outputs");
    }

    /** Plain Java values with the number types Kestra's untyped reader produces. */
    Map<String, Object> plainMap(Obj obj, String path) {
        return plainMap(obj, new Where(path, null, null, -1));
    }

    Object plain(Object node, String path) {
        return plain(node, new Where(path, null, null, -1));
    }

    /**
     * Where a value is ({@code outputs.a[2].b}), spelled out only for a warning: most values get none, and
     * building every path as text was a large share of reading a nested line.
     */
    private record Where(String base, Where parent, String key, int index) {
        Where key(String k) {
            return new Where(null, this, k, -1);
        }

        Where index(int i) {
            return new Where(null, this, null, i);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return base;
            }
            return parent + (key != null ? "." + key : "[" + index + "]");
        }
    }

    private Map<String, Object> plainMap(Obj obj, Where where) {
        Map<String, Object> map = new LinkedHashMap<>(Math.max(4, obj.size() * 4 / 3 + 1));
        for (Map.Entry<String, Object> e : obj.entrySet()) {
            checkText(e.getKey(), where);
            map.put(e.getKey(), plain(e.getValue(), where.key(e.getKey())));
        }
        return map;
    }

    private Object plain(Object node, Where where) {
        if (node instanceof Obj o) {
            return plainMap(o, where);
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(plain(list.get(i), where.index(i)));
            }
            return out;
        }
        if (node instanceof Num n) {
            return number(n, where);
        }
        if (node instanceof String s) {
            checkText(s, where);
        }
        return node;
    }

    /** @param path where the number is, spelled out only for a warning */
    private Object number(Num n, Object path) {
        if (n.integral()) {
            String text = n.text();
            if (text.length() <= 18) { // fits a long: no BigInteger for the common case (same values, same types)
                long v = Long.parseLong(text);
                return v == (int) v ? (Object) (int) v : (Object) v;
            }
            BigInteger big = new BigInteger(text);
            if (big.bitLength() < 32) {
                return big.intValue();
            }
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        double d = Double.parseDouble(n.text());
        if (Double.isInfinite(d)) {
            warnings.add(Diagnostic.warning("float-overflow", path + ": " + n.text() + " is beyond a 64-bit float; Kestra reads " + d));
        } else if (d == 0 && hasNonZeroDigit(n.text())) {
            warnings.add(Diagnostic.warning("float-underflow", path + ": " + n.text() + " is too small for a 64-bit float; Kestra reads 0.0"));
        }
        return d;
    }

    /** @param path where the text is, spelled out only for a warning */
    private void checkText(String s, Object path) {
        int i = loneSurrogateAt(s);
        if (i >= 0) {
            warnings.add(Diagnostic.warning("lone-surrogate", String.format(
                    "%s: lone surrogate U+%04X is not Unicode text; Kestra stores '?'", path, (int) s.charAt(i))));
        }
    }

    /** Where the first surrogate without its partner is, or -1 when the text is Unicode text. */
    static int loneSurrogateAt(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
        }
        return -1;
    }

    // ---- metrics ----------------------------------------------------------------------------------

    private List<Metric> readMetrics(Object node) throws Rejected {
        if (node == null) {
            return null;
        }
        if (!(node instanceof List<?> list)) {
            throw new Rejected("wrong-type", "\"metrics\" must be a list of metric objects, not " + kind(node));
        }
        List<Metric> metrics = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            metrics.add(readMetric(list.get(i), "metrics[" + i + "]"));
        }
        return metrics;
    }

    private Metric readMetric(Object node, String path) throws Rejected {
        if (node == null) {
            throw new Rejected("wrong-type", path + " is null; Kestra fails on a null metric entry");
        }
        if (!(node instanceof Obj entry)) {
            throw new Rejected("wrong-type", path + " must be an object, not " + kind(node));
        }
        Object typeNode = entry.first("type");
        if (typeNode == null) {
            throw new Rejected("missing-metric-type", path + " has no \"type\" (counter, gauge or timer)");
        }
        MetricType type = typeNode instanceof String s ? Kestra13.metricType(s) : null;
        if (type == null) {
            throw new Rejected("unknown-metric-type", path + ".type " + describe(typeNode)
                    + " is not a metric type Kestra knows (" + String.join(", ", Kestra13.metricTypeNames()) + "; lower case)");
        }
        // Later "type" keys are read as the entry's plain string property.
        for (Object later : entry.earlier("type").isEmpty() ? List.of() : allButFirst(entry, "type")) {
            coerceString(later, path + ".type");
        }
        // Jackson buffers the keys before "type" (it needs the type first) and its buffer keeps an integer
        // as a number: a name -0 written before "type" becomes "0", after it "-0".
        boolean nameBuffered = entry.lastReadBefore("name", "type");
        String name = readLast(entry, "name", (r, n) -> coerceString(n, path + ".name", nameBuffered));
        if (name == null) {
            warnings.add(Diagnostic.warning("null-value", path + " has no name; Kestra records a metric named null"));
        }
        readLast(entry, "description", (r, n) -> coerceString(n, path + ".description"));
        readLast(entry, "timestamp", (r, n) -> {
            KestraTime.checkInstant(n, path + ".timestamp");
            return null;
        });
        boolean tagsBuffered = entry.lastReadBefore("tags", "type");
        Map<String, String> tags = readLast(entry, "tags", (r, n) -> r.readTags(n, path + ".tags", tagsBuffered));
        Double value = readLast(entry, "value", (r, n) -> type == MetricType.TIMER ? r.timerSeconds(n, path + ".value")
                : r.doubleValue(n, path + ".value"));
        if (name != null) {
            checkText(name, path + ".name");
        }
        return new Metric(type, name, value, tags);
    }

    private static List<Object> allButFirst(Obj obj, String key) {
        List<Object> all = new ArrayList<>(obj.earlier(key));
        all.add(obj.get(key));
        return all.subList(1, all.size());
    }

    private Map<String, String> readTags(Object node, String path, boolean buffered) throws Rejected {
        if (node == null) {
            return null;
        }
        if (!(node instanceof Obj obj)) {
            throw new Rejected("wrong-type", path + " must be an object of strings, not " + kind(node));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String key : obj.keySet()) {
            tags.put(key, readLast(obj, key, (r, v) -> tagValue(v, path + "." + key, buffered)));
        }
        return tags;
    }

    private static String tagValue(Object v, String path, boolean buffered) throws Rejected {
        if (v instanceof Obj || v instanceof List) {
            throw new Rejected("bad-tag-value", path + " is " + kind(v) + "; a tag value must be a string, number or boolean");
        }
        return coerceString(v, path, buffered);
    }

    private Double doubleValue(Object node, String path) throws Rejected {
        if (node == null) {
            warnings.add(Diagnostic.warning("null-value", path + " is null; Kestra records a metric without a value"));
            return null;
        }
        if (node instanceof Num n) {
            // an integer token is read as an integer first: -0 gives 0.0, not -0.0
            double d = !n.integral() ? Double.parseDouble(n.text())
                    : n.text().length() <= 15 ? (double) Long.parseLong(n.text()) // below 2^53: exact either way
                    : new BigInteger(n.text()).doubleValue();
            if (Double.isInfinite(d)) {
                warnings.add(Diagnostic.warning("float-overflow", path + ": " + n.text() + " is beyond a 64-bit float; Kestra reads " + d));
            }
            return d;
        }
        if (node instanceof String s) {
            Double d = JacksonScalars.doubleOfString(s, path, version);
            if (d == null) {
                warnings.add(Diagnostic.warning("null-value", path + " is the string \"" + s + "\"; Kestra records a metric without a value"));
            } else if (d.isNaN() || d.isInfinite()) {
                warnings.add(Diagnostic.warning("non-finite-value", path + " is the string \"" + s + "\"; Kestra records " + d));
            } else {
                warnings.add(Diagnostic.warning("coerced-value", path + " is the string \"" + s + "\"; Kestra converts it to " + d));
            }
            return d;
        }
        throw new Rejected("bad-metric-value", path + " must be a number, not " + kind(node));
    }

    /** A timer's value as Kestra's Duration holds it, in seconds; see {@link KestraTime} for the quirks. */
    private Double timerSeconds(Object node, String path) throws Rejected {
        if (node == null) {
            warnings.add(Diagnostic.warning("null-value", path + " is null; Kestra records a timer without a value"));
            return null;
        }
        Duration d;
        BigDecimal written;
        if (node instanceof Num n) {
            d = n.integral() ? KestraTime.durationOfInteger(n.text(), path) : KestraTime.durationOfDecimal(n.text(), path);
            written = new BigDecimal(n.text());
        } else if (node instanceof String s) {
            d = KestraTime.durationOfString(s, path);
            if (d == null) {
                warnings.add(Diagnostic.warning("null-value", path + " is a blank string; Kestra records a timer without a value"));
                return null;
            }
            written = parsesAsDecimal(s.trim());
            warnings.add(Diagnostic.warning("coerced-value", path + " is the string \"" + s + "\"; Kestra reads "
                    + KestraTime.seconds(d).toPlainString() + " seconds"));
        } else {
            throw new Rejected("bad-metric-value", path + " must be a number of seconds, not " + kind(node));
        }
        BigDecimal seconds = KestraTime.seconds(d);
        // Kestra keeps whole nanoseconds. Rounding below a nanosecond is not reported: nearly every float a
        // script measures has such digits (Python's timeit gives 0.04407996000000014), and nothing real is lost.
        // (beyond 10^20 seconds no Duration is right, and subtracting could not even be computed for 1E999999999)
        if (written != null && (written.precision() - written.scale() > 20
                || written.subtract(seconds).abs().compareTo(BigDecimal.ONE.movePointLeft(9)) >= 0)) {
            warnings.add(Diagnostic.warning("float-overflow", path + ": Kestra records " + seconds.toPlainString()
                    + " seconds for " + written + " (its conversion to a Duration overflows or drops the sign of the fraction)"));
        }
        if (seconds.signum() < 0) {
            warnings.add(Diagnostic.warning("negative-timer", path + " is negative (" + seconds.toPlainString() + " s); Kestra records a negative duration"));
        }
        return seconds.doubleValue();
    }

    /** Whether a number's mantissa has a non-zero digit (BigDecimal cannot hold every exponent JSON can write). */
    static boolean hasNonZeroDigit(String number) {
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static BigDecimal parsesAsDecimal(String t) {
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null; // an ISO-8601 duration: nothing to compare with
        }
    }

    // ---- logs -------------------------------------------------------------------------------------

    private List<LogEntry> readLogs(Object node) throws Rejected {
        if (node == null) {
            return null;
        }
        if (!(node instanceof List<?> list)) {
            throw new Rejected("wrong-type", "\"logs\" must be a list of log objects, not " + kind(node));
        }
        List<LogEntry> logs = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String path = "logs[" + i + "]";
            Object item = list.get(i);
            if (item == null) {
                warnings.add(Diagnostic.warning("null-value", path + " is null; Kestra skips it"));
                continue;
            }
            if (!(item instanceof Obj entry)) {
                throw new Rejected("wrong-type", path + " must be an object, not " + kind(item));
            }
            checkRecord(entry, LOG_LINE, path);
            LogLevel level = readLast(entry, "level", (r, n) -> readLevel(n, path + ".level"));
            String message = readLast(entry, "message", (r, n) -> coerceString(n, path + ".message"));
            if (level == null) {
                warnings.add(Diagnostic.warning("null-value", path + " has no level; Kestra cannot log it"));
                continue;
            }
            if (message != null) {
                checkText(message, path + ".message");
            }
            logs.add(new LogEntry(level, message));
        }
        return logs;
    }

    private static LogLevel readLevel(Object node, String path) throws Rejected {
        if (node == null) {
            return null;
        }
        if (node instanceof String s) {
            LogLevel level = JacksonScalars.levelOfString(s);
            if (level == null) {
                throw new Rejected("bad-log-level", path + " \"" + s + "\" is not one of " + String.join(", ", Kestra13.logLevelNames()) + " (upper case)");
            }
            return level;
        }
        if (node instanceof Num n && n.integral()) {
            BigInteger i = new BigInteger(n.text());
            LogLevel level = i.bitLength() < 32 ? JacksonScalars.levelOfIndex(i.intValue()) : null;
            if (level != null) {
                return level;
            }
        }
        throw new Rejected("bad-log-level", path + " " + describe(node) + " is not one of " + String.join(", ", Kestra13.logLevelNames()));
    }

    // ---- shared -----------------------------------------------------------------------------------

    /** Jackson's coercion of a scalar to a String field: numbers and booleans become their text. */
    /** {@link #coerceString(Object, String)}, with an integer as Jackson's token buffer gives it back when {@code buffered}. */
    static String coerceString(Object node, String path, boolean buffered) throws Rejected {
        if (buffered && node instanceof Num n && n.integral()) {
            return new BigInteger(n.text()).toString();
        }
        return coerceString(node, path);
    }

    static String coerceString(Object node, String path) throws Rejected {
        if (node == null || node instanceof String) {
            return (String) node;
        }
        if (node instanceof Num n) {
            return n.text();
        }
        if (node instanceof Boolean b) {
            return b.toString();
        }
        throw new Rejected("wrong-type", path + " must be a string, not " + kind(node));
    }

    static String kind(Object node) {
        if (node instanceof Obj) {
            return "an object";
        }
        if (node instanceof List) {
            return "a list";
        }
        if (node instanceof String) {
            return "a string";
        }
        if (node instanceof Num) {
            return "a number";
        }
        if (node instanceof Boolean) {
            return "a boolean";
        }
        return "null";
    }

    static String describe(Object node) {
        if (node instanceof String s) {
            return "\"" + s + "\"";
        }
        if (node instanceof Num n) {
            return n.text();
        }
        return kind(node);
    }
}
