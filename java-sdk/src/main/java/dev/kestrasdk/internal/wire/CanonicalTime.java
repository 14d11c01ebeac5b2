package dev.kestrasdk.internal.wire;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Canonical ISO-8601 text for date and time values (docs/wire-format.md, "Dates and times"): seconds always
 * present, a fraction only when non-zero and with no trailing zeros, {@code Z} for a zero offset, otherwise
 * {@code +HH:MM} (with {@code :SS} only when the offset has seconds). A zoned value is written with its
 * offset; the zone id is not part of ISO-8601 and is dropped. Years 0000-9999 only.
 */
final class CanonicalTime {
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4, 4, SignStyle.NOT_NEGATIVE).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter();
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter();
    private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder()
            .appendOffset("+HH:MM:ss", "Z").toFormatter();
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DATE).appendLiteral('T').append(TIME).toFormatter();
    private static final DateTimeFormatter DATE_TIME_OFFSET = new DateTimeFormatterBuilder()
            .append(DATE_TIME).append(OFFSET).toFormatter();
    private static final DateTimeFormatter TIME_OFFSET = new DateTimeFormatterBuilder()
            .append(TIME).append(OFFSET).toFormatter();

    private CanonicalTime() {
    }

    /** The canonical text, or {@code null} if {@code value} is not a supported date/time type. */
    static String format(Object value) {
        if (value instanceof LocalDate v) {
            return checkedYear(v.getYear(), DATE, v);
        } else if (value instanceof LocalDateTime v) {
            return checkedYear(v.getYear(), DATE_TIME, v);
        } else if (value instanceof OffsetDateTime v) {
            return checkedYear(v.getYear(), DATE_TIME_OFFSET, v);
        } else if (value instanceof ZonedDateTime v) {
            return checkedYear(v.getYear(), DATE_TIME_OFFSET, v);
        } else if (value instanceof Instant v) {
            OffsetDateTime utc = v.atOffset(ZoneOffset.UTC);
            return checkedYear(utc.getYear(), DATE_TIME_OFFSET, utc);
        } else if (value instanceof LocalTime v) {
            return TIME.format(v);
        } else if (value instanceof OffsetTime v) {
            return TIME_OFFSET.format(v);
        } else if (value instanceof java.util.Date v) {
            return format(Instant.ofEpochMilli(v.getTime()));
        }
        return null;
    }

    private static String checkedYear(int year, DateTimeFormatter formatter, TemporalAccessor value) {
        if (year < 0 || year > 9999) {
            throw new YearOutOfRange(year);
        }
        return formatter.format(value);
    }

    static final class YearOutOfRange extends RuntimeException {
        final int year;

        YearOutOfRange(int year) {
            super(null, null, false, false);
            this.year = year;
        }
    }
}
