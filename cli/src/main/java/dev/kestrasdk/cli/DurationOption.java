package dev.kestrasdk.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --timeout}: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1.5s}, or ISO-8601 {@code PT30S}. */
final class DurationOption implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    @Override
    public Duration convert(String text) {
        String t = text.strip();
        Matcher m = SIMPLE.matcher(t);
        Duration d;
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            long nanosPerUnit = switch (m.group(2)) {
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            d = Duration.ofNanos(Math.round(amount * nanosPerUnit));
        } else {
            try {
                d = Duration.parse(t);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a duration (examples: 500ms, 30s, 5m, 1h, PT30S)");
            }
        }
        if (d.isNegative() || d.isZero()) {
            throw new CommandLine.TypeConversionException("'" + text + "' must be a positive duration");
        }
        return d;
    }
}
