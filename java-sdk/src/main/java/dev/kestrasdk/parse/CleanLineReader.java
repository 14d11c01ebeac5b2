package dev.kestrasdk.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kestrasdk.protocol.LogEntry;
import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.protocol.Message;
import dev.kestrasdk.protocol.Metric;
import dev.kestrasdk.protocol.MetricType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One streaming pass over a protocol line's payload, building the final Java values as Jackson's tokens
 * arrive (no tree), for the lines real scripts print: {@code outputs}, {@code metrics} and {@code logs} with
 * nothing Kestra would warn about or reject. At the first thing that needs a closer look (another key, a
 * repeated key, a value Kestra converts or refuses, text after the object, invalid JSON) it gives up and
 * returns {@code null}: {@link JsonTree} and {@link MessageReader} then read the line again and say why.
 * So a line read here has no diagnostics, and its values are the ones {@link MessageReader} gives
 * (ParserFastPathTest compares both readings on random lines).
 */
final class CleanLineReader {
    /** Thrown to give up; made once, without a stack trace, since giving up is ordinary. */
    private static final class NotClean extends Exception {
        NotClean() {
            super(null, null, false, false);
        }
    }

    private static final NotClean NOT_CLEAN = new NotClean();

    // A payload with other characters is copied into one buffer per thread (Jackson reads a char[] in place);
    // payloads longer than this are rare and get a buffer of their own.
    private static final int REUSED_CHARS = 16 * 1024;
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[REUSED_CHARS]);

    /** Whether a text may hold a lone surrogate through a backslash-u escape: then it is checked. */
    private final boolean checkSurrogates;
    /** True when a '?' in a text can only be UTF-8's replacement of a lone surrogate: then it is checked too. */
    private final boolean questionMarkIsSurrogate;

    private CleanLineReader(boolean checkSurrogates, boolean questionMarkIsSurrogate) {
        this.checkSurrogates = checkSurrogates;
        this.questionMarkIsSurrogate = questionMarkIsSurrogate;
    }

    /**
     * Reads {@code line.substring(from, to)}, a payload Kestra's pattern matched.
     *
     * @return what Kestra takes from it, or {@code null} when the line needs the full reading
     */
    static Message read(String line, int from, int to) {
        // Jackson's byte parser is the faster one, so the line goes to it as UTF-8 unless UTF-8 could hide a
        // lone surrogate (it writes '?' for one). Without a '?' of its own, a '?' in the line's text is such
        // a surrogate; with one, only an ASCII line is sure to have none; other lines go to the char parser.
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        boolean escapes = line.indexOf("\\u", from) >= 0;
        boolean noQuestionMark = line.indexOf('?', from) < 0;
        boolean ascii = !noQuestionMark && bytes.length == line.length() && new String(bytes, StandardCharsets.ISO_8859_1).equals(line);
        boolean asBytes = noQuestionMark || ascii;
        try (JsonParser p = asBytes ? JsonTree.FACTORY.createParser(bytes, from, bytes.length - utf8Length(line, to) - from)
                : charParser(line, from, to)) {
            return new CleanLineReader(escapes || !asBytes, noQuestionMark).root(p);
        } catch (NotClean | IOException e) {
            return null; // invalid JSON and limits too: the full reading reports them
        }
    }

    /** The UTF-8 length of the line's end from {@code from}: the closing "::" and at most one terminator. */
    private static int utf8Length(String line, int from) {
        int n = 0;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return n;
    }

    private static JsonParser charParser(String line, int from, int to) throws IOException {
        int n = to - from;
        char[] chars = n <= REUSED_CHARS ? BUFFER.get() : new char[n];
        line.getChars(from, to, chars, 0);
        return JsonTree.FACTORY.createParser(chars, 0, n);
    }

    private Message root(JsonParser p) throws IOException, NotClean {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw NOT_CLEAN;
        }
        Map<String, Object> outputs = null;
        List<Metric> metrics = null;
        List<LogEntry> logs = null;
        for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (key) {
                case "outputs" -> {
                    if (outputs != null || t != JsonToken.START_OBJECT) {
                        throw NOT_CLEAN;
                    }
                    outputs = object(p);
                }
                case "metrics" -> {
                    if (metrics != null || t != JsonToken.START_ARRAY) {
                        throw NOT_CLEAN;
                    }
                    metrics = metrics(p);
                }
                case "logs" -> {
                    if (logs != null || t != JsonToken.START_ARRAY) {
                        throw NOT_CLEAN;
                    }
                    logs = logs(p);
                }
                default -> throw NOT_CLEAN;
            }
        }
        // Only JSON whitespace may follow (anything else is trailing content, reported by the full reading).
        if (p.nextToken() != null) {
            throw NOT_CLEAN;
        }
        return new Message(outputs, metrics, logs, null);
    }

    // ---- outputs: Kestra's untyped values ----------------------------------------------------------

    private Map<String, Object> object(JsonParser p) throws IOException, NotClean {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
            if (notUnicodeText(key)) {
                throw NOT_CLEAN;
            }
            Object value = value(p, p.nextToken());
            int size = map.size();
            map.put(key, value);
            if (map.size() == size) {
                throw NOT_CLEAN; // a repeated key
            }
        }
        return map;
    }

    private Object value(JsonParser p, JsonToken t) throws IOException, NotClean {
        switch (t) {
            case START_OBJECT:
                return object(p);
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(value(p, e));
                }
                return list;
            }
            case VALUE_STRING:
                return text(p);
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> p.getIntValue();
                    case LONG -> p.getLongValue();
                    default -> p.getBigIntegerValue();
                };
            case VALUE_NUMBER_FLOAT:
                return finiteDouble(p);
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw NOT_CLEAN;
        }
    }

    private boolean notUnicodeText(String s) {
        return (checkSurrogates && MessageReader.loneSurrogateAt(s) >= 0) || (questionMarkIsSurrogate && s.indexOf('?') >= 0);
    }

    /** A string value that is Unicode text (a lone surrogate gets a warning). */
    private String text(JsonParser p) throws IOException, NotClean {
        String s = p.getText();
        if (notUnicodeText(s)) {
            throw NOT_CLEAN;
        }
        return s;
    }

    /** A float token whose double is what was written: not beyond a double, not rounded to zero. */
    private static double finiteDouble(JsonParser p) throws IOException, NotClean {
        double d = p.getDoubleValue();
        if (Double.isInfinite(d) || (d == 0 && MessageReader.hasNonZeroDigit(p.getText()))) {
            throw NOT_CLEAN;
        }
        return d;
    }

    // ---- metrics ----------------------------------------------------------------------------------

    private List<Metric> metrics(JsonParser p) throws IOException, NotClean {
        List<Metric> metrics = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                throw NOT_CLEAN;
            }
            metrics.add(metric(p));
        }
        return metrics;
    }

    /** An entry with a string name, a known type, a number value and optional string tags; nothing else. */
    private Metric metric(JsonParser p) throws IOException, NotClean {
        String name = null;
        MetricType type = null;
        double value = 0;
        boolean valueIntegral = false;
        String valueText = null;
        Map<String, String> tags = null;
        for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (key) {
                case "name" -> {
                    if (name != null || t != JsonToken.VALUE_STRING) {
                        throw NOT_CLEAN;
                    }
                    name = text(p);
                }
                case "type" -> {
                    if (type != null || t != JsonToken.VALUE_STRING || (type = Kestra13.metricType(p.getText())) == null) {
                        throw NOT_CLEAN;
                    }
                }
                case "value" -> {
                    if (valueText != null) {
                        throw NOT_CLEAN;
                    }
                    if (t == JsonToken.VALUE_NUMBER_INT) {
                        valueIntegral = true;
                        value = p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue().doubleValue()
                                : (double) p.getLongValue();
                    } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                        value = p.getDoubleValue();
                        if (Double.isInfinite(value)) {
                            throw NOT_CLEAN;
                        }
                    } else {
                        throw NOT_CLEAN;
                    }
                    valueText = p.getText();
                }
                case "tags" -> {
                    if (tags != null || t != JsonToken.START_OBJECT) {
                        throw NOT_CLEAN;
                    }
                    tags = tags(p);
                }
                default -> throw NOT_CLEAN;
            }
        }
        if (name == null || type == null || valueText == null) {
            throw NOT_CLEAN;
        }
        if (type == MetricType.TIMER) {
            value = timerSeconds(valueText, valueIntegral);
        }
        return new Metric(type, name, value, tags);
    }

    private static Map<String, String> tags(JsonParser p) throws IOException, NotClean {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                throw NOT_CLEAN;
            }
            int size = tags.size();
            tags.put(key, p.getText());
            if (tags.size() == size) {
                throw NOT_CLEAN;
            }
        }
        return tags;
    }

    /**
     * A timer's seconds when the written number is exactly what Kestra's Duration keeps: not negative, at
     * most 18 integer digits and 9 decimals, no exponent. Other timers go to {@link KestraTime}'s full rules.
     */
    private static double timerSeconds(String text, boolean integral) throws NotClean {
        int dot = text.indexOf('.');
        int intDigits = dot < 0 ? text.length() : dot;
        if (intDigits > 18 || (dot >= 0 && text.length() - dot - 1 > 9)) {
            throw NOT_CLEAN;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && i != dot) {
                throw NOT_CLEAN; // a sign or an exponent
            }
        }
        return integral ? (double) Long.parseLong(text) : Double.parseDouble(text);
    }

    // ---- logs -------------------------------------------------------------------------------------

    private List<LogEntry> logs(JsonParser p) throws IOException, NotClean {
        List<LogEntry> logs = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                throw NOT_CLEAN;
            }
            logs.add(log(p));
        }
        return logs;
    }

    /** An entry with a level written as its name and a string message (or none); nothing else. */
    private LogEntry log(JsonParser p) throws IOException, NotClean {
        LogLevel level = null;
        String message = null;
        boolean messageSeen = false;
        for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (key) {
                case "level" -> {
                    if (level != null || t != JsonToken.VALUE_STRING || (level = JacksonScalars.levelOfString(p.getText())) == null) {
                        throw NOT_CLEAN;
                    }
                }
                case "message" -> {
                    if (messageSeen || (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NULL)) {
                        throw NOT_CLEAN;
                    }
                    messageSeen = true;
                    message = t == JsonToken.VALUE_NULL ? null : text(p);
                }
                default -> throw NOT_CLEAN;
            }
        }
        if (level == null) {
            throw NOT_CLEAN;
        }
        return new LogEntry(level, message);
    }
}
