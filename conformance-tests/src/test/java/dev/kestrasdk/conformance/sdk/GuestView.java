package dev.kestrasdk.conformance.sdk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * What one guest language makes of a vector's typed values: how its conformance adapter decodes them and how the
 * runner's binding then converts them, as the Java values the reference encoder takes. {@link GuestViews} walks
 * the calls and asks the language's view about each value that differs between languages. One per registered
 * language ({@code dev.kestrasdk.runner.language.Languages}), found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.kestrasdk.conformance.sdk.GuestView} in the test resources).
 *
 * <p>A value the language cannot hold throws {@link NotExpressible}; one it holds differently adds a reason
 * (written into the case's note) to {@code reasons}.
 */
public interface GuestView {
    /** The language's registered name, also the key of its notes in the vectors ({@code python}, {@code js}). */
    String language();

    /**
     * A logger call's messages as the language passes them (a copy the view may change).
     *
     * @param level one of TRACE, DEBUG, INFO, WARN, ERROR
     */
    void log(String level, List<Object> messages, Set<String> reasons);

    /** A JSON integer token; {@code decoded} is the Java value it decodes to. */
    Object integer(String text, Object decoded, Set<String> reasons);

    /** A JSON number with a fraction or exponent, or the payload of a {@code $float} or {@code $float32}. */
    Object floatingPoint(double value, String text, Set<String> reasons);

    Object decimal(Object decoded);

    Object localDateTime(LocalDateTime value);

    Object offsetDateTime(OffsetDateTime value, Set<String> reasons);

    Object date(LocalDate value);

    /** A LocalTime or an OffsetTime. */
    Object time(Object value, int nanos);

    Object instant(Instant value);

    Object duration(Duration value);

    /** The language's name for messages: {@code Python}, {@code JavaScript}. */
    String displayName();
}
