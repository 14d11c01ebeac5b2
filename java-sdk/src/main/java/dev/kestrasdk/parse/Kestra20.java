package dev.kestrasdk.parse;

import dev.kestrasdk.protocol.LogLevel;

import java.util.List;
import java.util.Locale;

/**
 * What Kestra 2.0 reads from a protocol line beyond {@link Kestra13} (checked against {@value #VERSION}): a
 * fifth top-level key, {@code otlp}, holding one OTLP/JSON record whose log records become task logs and whose
 * gauges and sums become Kestra metrics; everything else is read as Kestra 1.3 reads it. The rules of the
 * {@code otlp} key's content are {@link OtlpReader}'s; this class holds the values Kestra 2.0 maps.
 */
public final class Kestra20 {
    /** The Kestra release this model was checked against. */
    public static final String VERSION = "2.0.0";

    /** The key of an OTLP/JSON record in a protocol line. */
    public static final String OTLP_KEY = "otlp";

    /** The top-level keys Kestra 2.0 reads; any other key is ignored. */
    public static final List<String> TOP_LEVEL_KEYS = List.of("outputs", "metrics", "logs", "assets", OTLP_KEY);

    /**
     * The strings Kestra 2.0's Jackson (2.22) reads as positive infinity for a Double, beyond 1.3's {@code "INF"} and
     * {@code "Infinity"} (measured: {@code "+Inf"}, {@code "+infinity"}, {@code "+NaN"} are still rejected).
     */
    public static final List<String> SIGNED_INFINITY_NAMES = List.of("+INF", "+Infinity");

    /**
     * The type of an output asset whose {@code type} is absent: Kestra 2.0 reads it as an external asset (its
     * {@code External} plugin). An empty string, {@code null}, a number or a boolean there also makes an external
     * asset, whose {@code type} is then that value's text (or null).
     */
    public static final String UNTYPED_ASSET_TYPE = "io.kestra.core.models.assets.External";

    /** The OTLP {@code aggregationTemporality} of a delta sum, which becomes a counter (any other sum a gauge). */
    public static final int DELTA_TEMPORALITY = 1;

    private Kestra20() {
    }

    /**
     * The level of an OTLP log record: {@code severityNumber} when above 0 (1-4 TRACE, 5-8 DEBUG, 9-12 INFO,
     * 13-16 WARN, 17 and above ERROR), else {@code severityText} when not blank (trimmed, any case: TRACE, DEBUG,
     * WARN or WARNING, ERROR or FATAL; any other text INFO), else INFO.
     *
     * <pre>{@code
     * Kestra20.otlpLevel(13, null);      // WARN
     * Kestra20.otlpLevel(null, "fatal"); // ERROR
     * }</pre>
     *
     * @param severityNumber the record's {@code severityNumber}, or {@code null}
     * @param severityText   the record's {@code severityText}, or {@code null}
     * @return the level Kestra logs the record at
     */
    public static LogLevel otlpLevel(Integer severityNumber, String severityText) {
        if (severityNumber != null && severityNumber > 0) {
            return severityNumber <= 4 ? LogLevel.TRACE : severityNumber <= 8 ? LogLevel.DEBUG
                    : severityNumber <= 12 ? LogLevel.INFO : severityNumber <= 16 ? LogLevel.WARN : LogLevel.ERROR;
        }
        if (severityText == null || severityText.isBlank()) {
            return LogLevel.INFO;
        }
        return switch (severityText.trim().toUpperCase(Locale.ROOT)) {
            case "TRACE" -> LogLevel.TRACE;
            case "DEBUG" -> LogLevel.DEBUG;
            case "WARN", "WARNING" -> LogLevel.WARN;
            case "ERROR", "FATAL" -> LogLevel.ERROR;
            default -> LogLevel.INFO;
        };
    }

    /**
     * A metric's description as Kestra 2.0 records it: {@code "description (unit)"}, or whichever of the two
     * is not blank, or {@code null}.
     *
     * <pre>{@code
     * Kestra20.metricDescription("rows read", "1"); // "rows read (1)"
     * Kestra20.metricDescription(null, "ms");       // "ms"
     * }</pre>
     *
     * @param description the OTLP metric's description, or {@code null}
     * @param unit        its unit, or {@code null}
     * @return the joined description
     */
    public static String metricDescription(String description, String unit) {
        boolean hasDescription = description != null && !description.isBlank();
        boolean hasUnit = unit != null && !unit.isBlank();
        if (hasDescription && hasUnit) {
            return description + " (" + unit + ")";
        }
        return hasDescription ? description : hasUnit ? unit : null;
    }
}
