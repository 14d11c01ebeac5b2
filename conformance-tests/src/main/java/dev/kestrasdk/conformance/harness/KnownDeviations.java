package dev.kestrasdk.conformance.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The failures an SDK is known to have, like protobuf's conformance failure lists: one
 * {@code <case-id> <level> # reason} per line, {@code level} being {@code canonical} (the case is
 * Kestra-equivalent but not canonical) or {@code kestra} (not Kestra-equivalent, hence not canonical either:
 * the entry covers both levels). Blank lines and lines starting with {@code #} are comments.
 */
public final class KnownDeviations {
    /** One entry: the lowest level the case fails, and why (may be empty). */
    public record Entry(String caseId, Level level, String reason, int lineNumber) {
        /** Whether the case is expected to fail at {@code at}. */
        public boolean covers(Level at) {
            return level == Level.KESTRA || at == Level.CANONICAL;
        }
    }

    public static final KnownDeviations NONE = new KnownDeviations(Map.of(), "(none)");

    private final Map<String, Entry> entries;
    private final String source;

    private KnownDeviations(Map<String, Entry> entries, String source) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        this.source = source;
    }

    public static KnownDeviations read(Path file) throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        }
    }

    /** The file shipped for one of this project's adapters ({@code known-deviations/<name>.txt} on the class path), or none. */
    public static KnownDeviations shipped(String name) throws IOException {
        String resource = "known-deviations/" + name + ".txt";
        try (InputStream in = KnownDeviations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return NONE;
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        }
    }

    /** Parses the text; a malformed line is an {@link IllegalArgumentException} naming the file and line. */
    public static KnownDeviations parse(String text, String source) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String reason = "";
            int hash = line.indexOf(" #");
            if (hash >= 0) {
                reason = line.substring(hash + 2).strip();
                line = line.substring(0, hash).strip();
            }
            String[] parts = line.split("\\s+");
            String where = source + ":" + (i + 1) + ": ";
            if (parts.length != 2) {
                throw new IllegalArgumentException(where + "expected '<case-id> <canonical|kestra> # reason', got '" + lines[i].strip() + "'");
            }
            Level level = Level.of(parts[1]);
            if (level == null) {
                throw new IllegalArgumentException(where + "level must be 'canonical' or 'kestra', not '" + parts[1] + "'");
            }
            Entry previous = entries.put(parts[0], new Entry(parts[0], level, reason, i + 1));
            if (previous != null) {
                throw new IllegalArgumentException(where + "case " + parts[0] + " is already listed on line " + previous.lineNumber());
            }
        }
        return new KnownDeviations(entries, source);
    }

    public Entry get(String caseId) {
        return entries.get(caseId);
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    public String source() {
        return source;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** A known-deviations file listing exactly the given failures, in the given order; for regenerating a list. */
    public static String format(Iterable<Entry> entries) {
        StringBuilder b = new StringBuilder();
        for (Entry e : entries) {
            b.append(e.caseId()).append(' ').append(e.level().id());
            if (!e.reason().isEmpty()) {
                b.append(" # ").append(e.reason().replace('\n', ' '));
            }
            b.append('\n');
        }
        return b.toString();
    }
}
