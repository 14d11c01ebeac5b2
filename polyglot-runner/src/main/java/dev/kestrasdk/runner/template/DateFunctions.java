package dev.kestrasdk.runner.template;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Kestra's {@code now()} and {@code date} filter, which print dates alike: {@code format} is a
 * {@link DateTimeFormatter} pattern or a name ({@code iso}, the default: {@code yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX};
 * {@code iso_sec}, {@code sql}, {@code iso_date_time}, {@code iso_instant}, ...), in {@code timeZone} or the
 * context clock's zone. {@code date} reads ISO 8601 text (or text in {@code existingFormat}), epoch seconds, or a
 * date-time value.
 */
final class DateFunctions {
    private static final List<String> ARGUMENTS = List.of("format", "timeZone", "existingFormat", "locale");
    private static final Map<String, DateTimeFormatter> NAMED = Map.ofEntries(
            Map.entry("iso", DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX")),
            Map.entry("iso_sec", DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")),
            Map.entry("sql", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")),
            Map.entry("sql_seq", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")),
            Map.entry("iso_date_time", DateTimeFormatter.ISO_DATE_TIME),
            Map.entry("iso_date", DateTimeFormatter.ISO_DATE),
            Map.entry("iso_time", DateTimeFormatter.ISO_TIME),
            Map.entry("iso_local_date", DateTimeFormatter.ISO_LOCAL_DATE),
            Map.entry("iso_instant", DateTimeFormatter.ISO_INSTANT),
            Map.entry("iso_local_date_time", DateTimeFormatter.ISO_LOCAL_DATE_TIME),
            Map.entry("iso_local_time", DateTimeFormatter.ISO_LOCAL_TIME),
            Map.entry("iso_offset_time", DateTimeFormatter.ISO_OFFSET_TIME),
            Map.entry("iso_zoned_date_time", DateTimeFormatter.ISO_ZONED_DATE_TIME),
            Map.entry("rfc_1123_date_time", DateTimeFormatter.RFC_1123_DATE_TIME));
    private static final Map<String, FormatStyle> STYLES = Map.of("full", FormatStyle.FULL, "long", FormatStyle.LONG,
            "medium", FormatStyle.MEDIUM, "short", FormatStyle.SHORT);

    private DateFunctions() {
    }

    static final class Now implements Function {
        @Override
        public List<String> getArgumentNames() {
            return ARGUMENTS;
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            return format("now()", Instant.now(RenderScope.current().context().clock()), args, context, line);
        }
    }

    static final class DateFilter implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return ARGUMENTS;
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            return input == null ? null : format("date", input, args, context, line);
        }
    }

    private static String format(String what, Object input, Map<String, Object> args, EvaluationContext context, int line) {
        try {
            ZoneId zone = args.get("timeZone") instanceof String z ? ZoneId.of(z) : RenderScope.current().context().clock().getZone();
            Locale locale = args.get("locale") instanceof String l ? Locale.forLanguageTag(l.replace('_', '-')) : Locale.ROOT;
            String format = args.get("format") instanceof String f ? f : "iso";
            DateTimeFormatter formatter = STYLES.containsKey(format) ? DateTimeFormatter.ofLocalizedDateTime(STYLES.get(format))
                    : NAMED.containsKey(format) ? NAMED.get(format) : DateTimeFormatter.ofPattern(format);
            return formatter.withLocale(locale).withZone(zone).format(read(input, zone, (String) args.get("existingFormat")));
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new PebbleException(null, what + ": " + e.getMessage(), line, null);
        }
    }

    private static ZonedDateTime read(Object value, ZoneId zone, String existingFormat) {
        if (value instanceof ZonedDateTime z) {
            return z;
        }
        if (value instanceof Instant i) {
            return i.atZone(zone);
        }
        if (value instanceof Long || value instanceof Integer) {
            return Instant.ofEpochSecond(((Number) value).longValue()).atZone(zone);
        }
        if (value instanceof String s) {
            return existingFormat != null ? ZonedDateTime.parse(s, DateTimeFormatter.ofPattern(existingFormat).withZone(zone))
                    : ZonedDateTime.parse(s);
        }
        throw new IllegalArgumentException("cannot read a " + value.getClass().getSimpleName() + " as a date");
    }
}
