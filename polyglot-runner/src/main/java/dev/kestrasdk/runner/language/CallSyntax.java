package dev.kestrasdk.runner.language;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.List;
import java.util.Map;

/**
 * How a language writes SDK calls and values as source, for the conformance adapter that runs the test vectors
 * through the language's binding ({@code dev.kestrasdk.conformance.adapter.GuestScripts}): the script's prelude
 * (which defines {@code Kestra}, {@code _log}, {@code _nest(depth, leaf)}, {@code _cycle()} and
 * {@code _case(id, body)}), a case's block, and a literal for each kind of value. A value the language has no
 * literal for throws {@link UnsupportedOperationException}: the case is reported as not expressible.
 */
public interface CallSyntax {
    /** The adapter's short name ({@code graalpy}): {@code kestra-sdk conformance --sdk graalpy}. */
    String adapterName();

    /** The SDK name in reports and in the known-deviations file ({@code kestra-sdk-python}). */
    String sdkName();

    /** The exception type the binding raises for a {@code VALUE} error ({@code TypeError} is every language's {@code TYPE}). */
    String valueErrorType();

    /** The script's start: imports and the helpers the cases call. */
    String prelude();

    /** Case number {@code n}: its statements, run by {@code _case(id, ...)}. */
    String caseBlock(int n, String id, List<String> statements);

    /** The logger method of a level ({@code info}, {@code warn}). */
    String loggerMethod(String level);

    String nullLiteral();

    String booleanLiteral(boolean value);

    /** The escape of a code point above U+FFFF inside a string literal (the others are {@code \\uXXXX}). */
    String astralEscape(int codePoint);

    /** An integer of any size, in decimal digits. */
    String integer(String digits);

    /** A floating-point number from its text ({@code "1e400"}, {@code "NaN"}). */
    String floatingPoint(String stringLiteral);

    /** A mapping with string keys: pairs of key (a string literal) and value literal; empty is allowed. */
    String object(List<Map.Entry<String, String>> members);

    /** A map whose keys are any literal: pairs of key and value literals. */
    String map(List<Map.Entry<String, String>> pairs);

    String set(List<String> items);

    /** A string literal repeated {@code count} times. */
    String repeat(String stringLiteral, Object count);

    /** A value the binding must refuse; {@code label} is a string literal naming it. */
    String unsupported(String label);

    default String decimal(String stringLiteral) {
        throw new UnsupportedOperationException();
    }

    default String dateTime(LocalDateTime t) {
        throw new UnsupportedOperationException();
    }

    String dateTime(OffsetDateTime t);

    default String date(LocalDate d) {
        throw new UnsupportedOperationException();
    }

    default String time(LocalTime t) {
        throw new UnsupportedOperationException();
    }

    default String time(OffsetTime t) {
        throw new UnsupportedOperationException();
    }

    String instant(Instant t);

    default String duration(Duration d) {
        throw new UnsupportedOperationException();
    }
}
