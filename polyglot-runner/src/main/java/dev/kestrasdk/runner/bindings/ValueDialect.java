package dev.kestrasdk.runner.bindings;

import org.graalvm.polyglot.Value;

import java.util.function.Supplier;

/**
 * What one guest language adds to {@link GuestValues}' common rules: its numbers, its own value types, what it
 * counts as a mapping and a sequence, and the names its error messages use. One per language, in its package.
 */
public interface ValueDialect {
    /** A mapping as the guest calls it, with its article: {@code a dict}, {@code an object}. */
    String mappingName();

    /** A sequence as the guest calls it, with its article: {@code a list}, {@code an array}. */
    String sequenceName();

    /** A guest number as the SDK writes it, or {@code null} when it cannot be written. */
    Object number(Value v);

    /**
     * A value of the guest's own type that the common rules would not read right (a Python {@code Decimal} or
     * {@code time}), converted; {@code null} for every other value. Called before dates, times and containers.
     *
     * @param path where the value is, for the error a value that cannot be written raises (spelled out only then)
     */
    Object ownValue(Value v, Supplier<String> path);

    /**
     * A metric value of the guest's own type (a Python {@code timedelta} or {@code Decimal}), or {@code null}.
     *
     * @throws dev.kestrasdk.wire.WireFormatException when it is of such a type but cannot be written
     */
    Object ownMetricValue(Value v);

    /** Whether an instant (a JavaScript {@code Date}) is written as an instant rather than from its date, time and zone. */
    boolean readsInstants();

    /** Whether a value without hash entries is a mapping of its members (a plain JavaScript object). */
    boolean isMemberMapping(Value v);

    /** Whether a value with array elements is a sequence that is written as a list. */
    boolean isSequence(Value v);

    /** The guest's name for the type of a boolean, string, number or null: {@code bool}, {@code number}, {@code None}. */
    String primitiveTypeName(Value v);
}
