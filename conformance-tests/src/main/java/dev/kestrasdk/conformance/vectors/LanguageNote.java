package dev.kestrasdk.conformance.vectors;

import dev.kestrasdk.wire.WireFormatException;

import java.util.ArrayList;
import java.util.List;

/**
 * A case's note for one language ({@code languages.js}, {@code languages.python}), read by its syntax
 * (vectors/README.md): the first line is prose; a note starting with {@code not expressible} means the language
 * cannot make the call; otherwise lines {@code prints: <line>} and {@code raises: <KIND> <path>} after the first
 * give what the language prints and raises instead of the case's {@code expect}. A note with neither explains
 * and leaves the expectation as it is.
 *
 * @param expressible whether the language can make the calls
 * @param reason      the prose
 * @param replaces    whether {@code lines} and {@code error} replace the case's expectation
 * @param lines       the lines printed in that language (when {@code replaces})
 * @param error       the error raised in that language, or null (when {@code replaces})
 */
public record LanguageNote(boolean expressible, String reason, boolean replaces, List<String> lines, ExpectedError error) {
    public static final String NOT_EXPRESSIBLE = "not expressible";

    public static LanguageNote parse(String note) {
        String[] parts = note.split("\n");
        String reason = parts[0];
        if (reason.startsWith(NOT_EXPRESSIBLE)) {
            return new LanguageNote(false, reason, false, List.of(), null);
        }
        List<String> lines = new ArrayList<>();
        ExpectedError error = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (p.startsWith("prints: ")) {
                lines.add(p.substring("prints: ".length()));
            } else if (p.startsWith("raises: ") && error == null) {
                String[] kindPath = p.substring("raises: ".length()).split(" ", 2);
                if (kindPath.length != 2 || !(kindPath[0].equals("TYPE") || kindPath[0].equals("VALUE"))) {
                    throw new IllegalArgumentException("a raises line is 'raises: TYPE|VALUE <path>': " + p);
                }
                error = new ExpectedError(WireFormatException.Kind.valueOf(kindPath[0]), kindPath[1]);
            } else {
                throw new IllegalArgumentException("after the first line of a note, only 'prints: <line>' and 'raises: <KIND> <path>'"
                        + " lines (one raises, last): " + p);
            }
        }
        return new LanguageNote(true, reason, parts.length > 1, List.copyOf(lines), error);
    }

    /** The text of a note that replaces the expectation. */
    public static String format(String reason, List<String> lines, ExpectedError error) {
        StringBuilder b = new StringBuilder(reason);
        for (String line : lines) {
            b.append("\nprints: ").append(line);
        }
        if (error != null) {
            b.append("\nraises: ").append(error.kind()).append(' ').append(error.path());
        }
        return b.toString();
    }
}
