package dev.kestrasdk.cli;

import dev.kestrasdk.parse.KestraVersion;
import picocli.CommandLine;

/** {@code --kestra 1.3|2.0}: the Kestra version whose reading of a script's output {@code run} and {@code parse} report. */
final class KestraVersionOption implements CommandLine.ITypeConverter<KestraVersion> {
    static final String DESCRIPTION = "read the output as this Kestra version does: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})";

    @Override
    public KestraVersion convert(String text) {
        try {
            return KestraVersion.of(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** The labels, for the help text. */
    static final class Labels implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(KestraVersion.values()).map(KestraVersion::label).iterator();
        }
    }
}
