package dev.kestrasdk.parse;

import com.fasterxml.jackson.core.io.NumberInput;
import dev.kestrasdk.internal.FrozenMap;
import dev.kestrasdk.protocol.LogEntry;
import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.protocol.Message;
import dev.kestrasdk.protocol.Metric;
import dev.kestrasdk.protocol.MetricType;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over a protocol line's payload, scanning its characters and building the final Java values as it
 * goes (no tokenizer objects, no tree), for the lines real scripts print: {@code outputs}, {@code metrics} and
 * {@code logs} in plain JSON with nothing Kestra would warn about or reject. At the first thing that needs a
 * closer look (another key, a repeated key, a value Kestra converts or refuses, a lone surrogate, text after the
 * object, anything strict JSON does not allow, a size near one of Kestra's limits) it gives up and returns
 * {@code null}: {@link JsonTree} and {@link MessageReader} then read the line again and say why. So a line read
 * here has no diagnostics, and its values are the ones {@link MessageReader} gives (CleanLineReaderTest compares
 * both readings, also on random edits of lines).
 */
final class CleanLineReader {
    /** Thrown to give up; made once, without a stack trace, since giving up is ordinary. */
    private static final class NotClean extends Exception {
        NotClean() {
            super(null, null, false, false);
        }
    }

    private static final NotClean NOT_CLEAN = new NotClean();

    // Well inside Kestra's limits (nesting 1000, numbers 1000 characters, strings and keys 20,000,000): beyond
    // these the full reading decides, so the exact edges of Kestra's limits never matter here.
    private static final int MAX_DEPTH = 200;
    private static final int MAX_NUMBER_CHARS = 100;
    private static final int MAX_STRING_CHARS = 10_000_000;

    // The payload is copied into one buffer per thread (a char[] scans faster than String.charAt); payloads
    // longer than this are rare and get a buffer of their own.
    private static final int REUSED_CHARS = 16 * 1024;

    /** What a thread keeps between lines: the payload buffer and the short strings seen lately. */
    private static final class ThreadState {
        final char[] buffer = new char[REUSED_CHARS];
        final RecentStrings recent = new RecentStrings();
    }

    private static final ThreadLocal<ThreadState> STATE = ThreadLocal.withInitial(ThreadState::new);

    // The keys of the fixed-schema objects, matched in place (no String made for them).
    private static final char[][] ROOT_KEYS = names("outputs", "metrics", "logs");
    private static final char[][] METRIC_KEYS = names("name", "type", "value", "tags");
    private static final char[][] LOG_KEYS = names("level", "message");
    // The values Kestra takes as written, matched in place too.
    private static final String[] METRIC_TYPE_NAME_LIST = Kestra13.metricTypeNames().toArray(String[]::new);
    private static final String[] LOG_LEVEL_NAME_LIST = Kestra13.logLevelNames().toArray(String[]::new);
    private static final char[][] METRIC_TYPE_NAMES = names(METRIC_TYPE_NAME_LIST);
    private static final char[][] LOG_LEVEL_NAMES = names(LOG_LEVEL_NAME_LIST);
    // What Kestra reads for each of those names, looked up once here instead of once per line.
    private static final MetricType[] METRIC_TYPES = java.util.Arrays.stream(METRIC_TYPE_NAME_LIST).map(Kestra13::metricType)
            .toArray(MetricType[]::new);
    private static final LogLevel[] LOG_LEVELS = java.util.Arrays.stream(LOG_LEVEL_NAME_LIST).map(JacksonScalars::levelOfString)
            .toArray(LogLevel[]::new);

    private static char[][] names(String... names) {
        char[][] chars = new char[names.length][];
        for (int n = 0; n < names.length; n++) {
            chars[n] = names[n].toCharArray();
        }
        return chars;
    }

    private final String line;
    /** Where the payload starts in {@link #line}: {@code s[k]} is {@code line.charAt(from + k)}. */
    private final int from;
    private final char[] s;
    private final int end;
    private final RecentStrings recent;
    private int i;
    private int depth;
    /** Where the last number read starts. */
    private int numberStart;
    /** The text of the last string {@link #knownString} did not find among its names. */
    private String unknownText;

    private CleanLineReader(String line, int from, char[] payload, int length, RecentStrings recent) {
        this.line = line;
        this.from = from;
        this.s = payload;
        this.end = length;
        this.recent = recent;
    }

    /**
     * Reads {@code line.substring(from, to)}, a payload between Kestra's markers. A raw line terminator
     * ({@link LineShape#isTerminator}) anywhere in it gives up, so a payload read here is one Kestra's pattern
     * matches: the caller need not search the line for terminators first.
     *
     * @return what Kestra takes from it, or {@code null} when the line needs the full reading
     */
    static Message read(String line, int from, int to) {
        int n = to - from;
        ThreadState state = STATE.get();
        char[] chars = n <= REUSED_CHARS ? state.buffer : new char[n];
        line.getChars(from, to, chars, 0);
        try {
            return new CleanLineReader(line, from, chars, n, state.recent).root();
        } catch (NotClean e) {
            return null;
        }
    }

    private Message root() throws NotClean {
        if (peek() != '{') {
            throw NOT_CLEAN;
        }
        Map<String, Object> outputs = null;
        List<Metric> metrics = null;
        List<LogEntry> logs = null;
        if (firstMember('}')) {
            do {
                switch (knownKey(ROOT_KEYS)) {
                    case 0 -> {
                        firstOf(outputs, '{');
                        outputs = outputs();
                    }
                    case 1 -> {
                        firstOf(metrics, '[');
                        metrics = entries(this::metric);
                    }
                    case 2 -> {
                        firstOf(logs, '[');
                        logs = entries(this::log);
                    }
                    default -> throw NOT_CLEAN;
                }
            } while (nextMember('}'));
        }
        // Only JSON whitespace may follow (anything else is trailing content, reported by the full reading).
        skipSpace();
        if (i != end) {
            throw NOT_CLEAN;
        }
        return new Message(outputs, metrics, logs, null);
    }

    // ---- the JSON grammar, strictly: whatever Jackson's defaults refuse gives up ----------------------

    private char peek() throws NotClean {
        if (i >= end) {
            throw NOT_CLEAN;
        }
        return s[i];
    }

    private void expect(char c) throws NotClean {
        if (peek() != c) {
            throw NOT_CLEAN;
        }
        i++;
    }

    /** JSON's whitespace but the line terminators '\n' and '\r' (see {@link #read}). */
    private void skipSpace() {
        char[] c = s;
        int k = i;
        while (k < end && (c[k] == ' ' || c[k] == '\t')) {
            k++;
        }
        i = k;
    }

    /** A fixed key's value: gives up when the key came before ({@code seen} is its value) or the value does not start with {@code opening}. */
    private void firstOf(Object seen, char opening) throws NotClean {
        if (seen != null || peek() != opening) {
            throw NOT_CLEAN;
        }
    }

    /** After an opening '{' or '[' (at {@code i}, consumed here): true when a member follows, false when {@code close} does. */
    private boolean firstMember(char close) throws NotClean {
        if (++depth > MAX_DEPTH) {
            throw NOT_CLEAN;
        }
        i++;
        skipSpace();
        if (peek() == close) {
            i++;
            depth--;
            return false;
        }
        return true;
    }

    /** After a member: true when a ',' and another member follow, false when {@code close} ends the container. */
    private boolean nextMember(char close) throws NotClean {
        skipSpace();
        char c = peek();
        i++;
        if (c == ',') {
            skipSpace();
            return true;
        }
        if (c == close) {
            depth--;
            return false;
        }
        throw NOT_CLEAN;
    }

    /** After a key's closing quote: its ':', leaving {@code i} at the value. */
    private void colon() throws NotClean {
        skipSpace();
        expect(':');
        skipSpace();
    }

    /**
     * At a string's opening quote: moves past a plain string (no escape, control character or surrogate) and
     * returns where its text ends; or returns -1, {@code i} just after the quote, for {@link #unusualString}.
     */
    private int plainStringEnd() throws NotClean {
        expect('"');
        char[] c = s;
        int start = i;
        int n = end;
        for (int k = start; k < n; k++) {
            char ch = c[k];
            if (ch == '"') {
                if (k - start > MAX_STRING_CHARS) {
                    throw NOT_CLEAN;
                }
                i = k + 1;
                return k;
            }
            if (ch < 0x20 || ch == '\\' || (ch >= '\u0085' && (Character.isSurrogate(ch) || LineShape.isTerminator(ch)))) {
                return -1;
            }
        }
        throw NOT_CLEAN;
    }

    /** A string (at its opening quote) that is Unicode text, within the length limit. */
    private String string() throws NotClean {
        int start = i + 1;
        int e = plainStringEnd();
        return e < 0 ? unusualString(start) : text(start, e);
    }

    /**
     * A string that often repeats from line to line (an output's key, a metric's name, a tag): a short plain one is
     * taken from the strings the thread saw lately when it is there, so a script's usual names cost no new String.
     */
    private String repeatedString() throws NotClean {
        int start = i + 1;
        int e = plainStringEnd();
        if (e < 0) {
            return unusualString(start);
        }
        String seen = recent.find(s, start, e);
        if (seen != null) {
            return seen;
        }
        String text = text(start, e);
        recent.remember(text);
        return text;
    }

    /** The string from {@code start} to its closing quote, reading escapes; it must be Unicode text. */
    private String unusualString(int start) throws NotClean {
        StringBuilder sb = new StringBuilder();
        i = start;
        while (i < end) {
            char c = s[i++];
            if (c == '"') {
                if (sb.length() > MAX_STRING_CHARS) {
                    throw NOT_CLEAN;
                }
                String text = sb.toString();
                if (MessageReader.loneSurrogateAt(text) >= 0) {
                    throw NOT_CLEAN; // Kestra stores '?' for it: the full reading warns
                }
                return text;
            }
            if (c < 0x20 || LineShape.isTerminator(c)) {
                throw NOT_CLEAN; // a raw control character (Jackson refuses it), or a line terminator (see read)
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (i >= end) {
                throw NOT_CLEAN;
            }
            switch (s[i++]) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> sb.append(hex4());
                default -> throw NOT_CLEAN;
            }
        }
        throw NOT_CLEAN;
    }

    private char hex4() throws NotClean {
        if (i + 4 > end) {
            throw NOT_CLEAN;
        }
        int v = 0;
        for (int k = 0; k < 4; k++) {
            char c = s[i++];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) {
                throw NOT_CLEAN; // only ASCII hex digits
            }
            v = v << 4 | d;
        }
        return (char) v;
    }

    /** A member's key in an object of fixed keys, and its ':': the key's index in {@code names}, or -1. */
    private int knownKey(char[][] names) throws NotClean {
        int known = knownString(names);
        colon();
        return known;
    }

    /** A string value (at its opening quote): its index in {@code names}, or -1 with the text in {@link #unknownText}. */
    private int knownString(char[][] names) throws NotClean {
        int start = i + 1;
        int e = plainStringEnd();
        if (e < 0) {
            unknownText = unusualString(start);
            for (int n = 0; n < names.length; n++) {
                if (unknownText.contentEquals(java.nio.CharBuffer.wrap(names[n]))) {
                    return n;
                }
            }
            return -1;
        }
        int length = e - start;
        for (int n = 0; n < names.length; n++) {
            if (names[n].length == length && java.util.Arrays.equals(names[n], 0, length, s, start, e)) {
                return n;
            }
        }
        unknownText = text(start, e);
        return -1;
    }

    /** The text of {@code s[start..end)}, cut from the line: a copy of its bytes, where a char[] would be compressed again. */
    private String text(int start, int end) {
        return line.substring(from + start, from + end);
    }

    /** A member's key in an output object, and its ':'. */
    private String mapKey() throws NotClean {
        String key = repeatedString();
        colon();
        return key;
    }

    /** The literal {@code word} ({@code true}, {@code false} or {@code null}) at {@code i}. */
    private void literal(String word) throws NotClean {
        char[] c = s;
        int n = word.length();
        if (i + n > end) {
            throw NOT_CLEAN;
        }
        for (int k = 0; k < n; k++) {
            if (c[i + k] != word.charAt(k)) {
                throw NOT_CLEAN;
            }
        }
        i += n;
    }

    /**
     * A number as Jackson reads it: an integer token as the smallest of Integer, Long and BigInteger that holds
     * it, any other as a double. Sets {@link #numberStart} for the caller that needs the text.
     */
    private Object number() throws NotClean {
        int start = i;
        numberStart = start;
        char[] c = s;
        int k = c[start] == '-' ? start + 1 : start;
        int digitsStart = k;
        long v = 0;
        while (k < end && c[k] >= '0' && c[k] <= '9') {
            v = v * 10 + (c[k++] - '0');
        }
        i = k;
        int digits = k - digitsStart;
        if (digits == 0 || (digits > 1 && c[digitsStart] == '0')) {
            throw NOT_CLEAN; // no digit, or a leading zero: Jackson refuses both
        }
        boolean fraction = i < end && c[i] == '.';
        if (fraction) {
            i++;
            digits();
        }
        boolean exponent = i < end && (c[i] == 'e' || c[i] == 'E');
        if (exponent) {
            i++;
            if (i < end && (c[i] == '+' || c[i] == '-')) {
                i++;
            }
            digits();
        }
        if (i - start > MAX_NUMBER_CHARS) {
            throw NOT_CLEAN;
        }
        if (!fraction && !exponent) {
            if (digits <= 18) { // fits a long, so the sum above did not overflow
                long signed = digitsStart > start ? -v : v;
                return signed == (int) signed ? (Object) (int) signed : (Object) signed;
            }
            BigInteger big = new BigInteger(new String(c, start, i - start));
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        // Jackson's own double parser (FastDoubleParser): the same double as Double.parseDouble, faster.
        double d = NumberInput.parseDouble(c, start, i - start, true);
        if (Double.isInfinite(d) || (d == 0 && nonZeroDigitBeforeExponent(start))) {
            throw NOT_CLEAN; // beyond a double, or a non-zero number rounded to zero: the full reading warns
        }
        return d;
    }

    /** At least one digit. */
    private void digits() throws NotClean {
        int start = i;
        while (i < end && s[i] >= '0' && s[i] <= '9') {
            i++;
        }
        if (i == start) {
            throw NOT_CLEAN;
        }
    }

    /** Whether the number from {@code start} to {@code i} has a digit 1-9 before its exponent. */
    private boolean nonZeroDigitBeforeExponent(int start) {
        for (int k = start; k < i; k++) {
            char c = s[k];
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    // ---- outputs: Kestra's untyped values ----------------------------------------------------------

    /** The outputs object: read-only as built, so the Message keeps it without a copy. */
    private Map<String, Object> outputs() throws NotClean {
        return frozenObject(this::value);
    }

    /** Reads one value at {@code i}; for the readers shared by several kinds of value. */
    private interface Reader<T> {
        T read() throws NotClean;
    }

    /** An object (at its '{') of string keys and values {@code value} reads, without a repeated key; read-only as built. */
    private <V> Map<String, V> frozenObject(Reader<V> value) throws NotClean {
        FrozenMap.Builder<String, V> map = new FrozenMap.Builder<>();
        if (firstMember('}')) {
            do {
                String key = mapKey();
                if (!map.putNew(key, value.read())) {
                    throw NOT_CLEAN; // a repeated key
                }
            } while (nextMember('}'));
        }
        return map.build();
    }

    /**
     * An array (at its '[') of objects {@code entry} reads; one entry as {@code List.of}, which the Message
     * keeps without a copy.
     */
    private <T> List<T> entries(Reader<T> entry) throws NotClean {
        List<T> entries = new ArrayList<>();
        if (firstMember(']')) {
            do {
                if (peek() != '{') {
                    throw NOT_CLEAN;
                }
                entries.add(entry.read());
            } while (nextMember(']'));
        }
        return entries.size() == 1 ? List.of(entries.get(0)) : entries;
    }

    /** An object inside the outputs: a LinkedHashMap, as Kestra's untyped reading gives. */
    private Map<String, Object> object() throws NotClean {
        Map<String, Object> map = new LinkedHashMap<>();
        if (firstMember('}')) {
            do {
                String key = mapKey();
                Object value = value();
                int size = map.size();
                map.put(key, value);
                if (map.size() == size) {
                    throw NOT_CLEAN; // a repeated key
                }
            } while (nextMember('}'));
        }
        return map;
    }

    private Object value() throws NotClean {
        char c = peek();
        switch (c) {
            case '{':
                return object();
            case '[': {
                List<Object> list = new ArrayList<>();
                if (firstMember(']')) {
                    do {
                        list.add(value());
                    } while (nextMember(']'));
                }
                return list;
            }
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw NOT_CLEAN;
        }
    }

    // ---- metrics ----------------------------------------------------------------------------------

    /** An entry with a string name, a known type, a number value and optional string tags; nothing else. */
    private Metric metric() throws NotClean {
        String name = null;
        MetricType type = null;
        double value = 0;
        int valueStart = -1;
        int valueEnd = -1;
        Map<String, String> tags = null;
        if (firstMember('}')) {
            do {
                switch (knownKey(METRIC_KEYS)) {
                    case 0 -> {
                        firstOf(name, '"');
                        name = repeatedString();
                    }
                    case 1 -> {
                        firstOf(type, '"');
                        int known = knownString(METRIC_TYPE_NAMES);
                        if (known < 0) {
                            throw NOT_CLEAN;
                        }
                        type = METRIC_TYPES[known];
                    }
                    case 2 -> {
                        char c = peek();
                        if (valueStart >= 0 || (c != '-' && (c < '0' || c > '9'))) {
                            throw NOT_CLEAN;
                        }
                        Object n = number();
                        value = ((Number) n).doubleValue(); // an integer as Jackson's long or BigInteger to double
                        valueStart = numberStart;
                        valueEnd = i;
                    }
                    case 3 -> {
                        firstOf(tags, '{');
                        tags = tags();
                    }
                    default -> throw NOT_CLEAN;
                }
            } while (nextMember('}'));
        }
        if (name == null || type == null || valueStart < 0) {
            throw NOT_CLEAN;
        }
        if (type == MetricType.TIMER) {
            exactTimer(valueStart, valueEnd);
        }
        return new Metric(type, name, value, tags);
    }

    /** Read-only as built, so the Metric keeps them without a copy. */
    private Map<String, String> tags() throws NotClean {
        return frozenObject(this::tagValue);
    }

    private String tagValue() throws NotClean {
        if (peek() != '"') {
            throw NOT_CLEAN;
        }
        return repeatedString();
    }

    /**
     * Gives up unless the timer's number, {@code s[start..end)}, is exactly what Kestra's Duration keeps: not
     * negative, at most 18 integer digits and 9 decimals, no exponent. Such a number's seconds are the double
     * {@link #number} already read (a long of at most 18 digits converts exactly as its text parses); other
     * timers go to {@link KestraTime}'s full rules.
     */
    private void exactTimer(int start, int end) throws NotClean {
        int dot = -1;
        for (int k = start; k < end; k++) {
            char c = s[k];
            if (c == '.' && dot < 0) {
                dot = k;
            } else if (c < '0' || c > '9') {
                throw NOT_CLEAN; // a sign or an exponent
            }
        }
        int intDigits = (dot < 0 ? end : dot) - start;
        if (intDigits > 18 || (dot >= 0 && end - dot - 1 > 9)) {
            throw NOT_CLEAN;
        }
    }

    // ---- logs -------------------------------------------------------------------------------------

    /** An entry with a level written as its name and a string message (or none); nothing else. */
    private LogEntry log() throws NotClean {
        LogLevel level = null;
        String message = null;
        boolean messageSeen = false;
        if (firstMember('}')) {
            do {
                switch (knownKey(LOG_KEYS)) {
                    case 0 -> {
                        firstOf(level, '"');
                        int known = knownString(LOG_LEVEL_NAMES);
                        // a name as written, else Kestra's other spellings (padded, an index)
                        level = known >= 0 ? LOG_LEVELS[known] : JacksonScalars.levelOfString(unknownText);
                        if (level == null) {
                            throw NOT_CLEAN;
                        }
                    }
                    case 1 -> {
                        if (messageSeen) {
                            throw NOT_CLEAN;
                        }
                        messageSeen = true;
                        char c = peek();
                        if (c == 'n') {
                            literal("null");
                        } else if (c == '"') {
                            message = string();
                        } else {
                            throw NOT_CLEAN;
                        }
                    }
                    default -> throw NOT_CLEAN;
                }
            } while (nextMember('}'));
        }
        if (level == null) {
            throw NOT_CLEAN;
        }
        return new LogEntry(level, message);
    }
}
