package dev.kestrasdk.wire;

/**
 * A value cannot be written on the wire. Thrown at the call, before anything is printed: the call emits
 * no line at all. The message names the offending path, for example
 * {@code outputs.rows[3].ratio: NaN is not valid JSON}.
 */
public final class WireFormatException extends IllegalArgumentException {
    /** Whether the value had the wrong type or a wrong value of an accepted type (maps to TypeError/ValueError in guests). */
    public enum Kind {
        /** The value's type is not accepted where it is (a Set in outputs, a Duration as a counter's value). */
        TYPE,
        /** The type is accepted but not this value (NaN, an empty metric name, a lone surrogate). */
        VALUE
    }

    /** Where the bad value is. */
    private final String path;
    /** What is wrong with it. */
    private final String problem;
    /** Whether the type or the value is wrong. */
    private final Kind kind;

    /**
     * An exception whose message is {@code path + ": " + problem}.
     *
     * <pre>{@code
     * throw new WireFormatException(WireFormatException.Kind.VALUE, "outputs.ratio", "NaN is not valid JSON");
     * }</pre>
     *
     * @param kind    whether the type or the value is wrong
     * @param path    where the bad value is
     * @param problem what is wrong with it
     */
    public WireFormatException(Kind kind, String path, String problem) {
        super(path + ": " + problem);
        this.kind = kind;
        this.path = path;
        this.problem = problem;
    }

    /**
     * Where the bad value is, starting at the argument's name.
     *
     * <pre>{@code
     * try {
     *     Kestra.outputs(Map.of("ratio", Double.NaN));
     * } catch (WireFormatException e) {
     *     e.path(); // "outputs.ratio"
     * }
     * }</pre>
     *
     * @return a path like {@code outputs.rows[3].ratio}, {@code tags.env} or {@code name}
     */
    public String path() {
        return path;
    }

    /**
     * What is wrong with the value.
     *
     * <pre>{@code
     * e.problem(); // "NaN is not valid JSON"; e.getMessage() is "outputs.ratio: NaN is not valid JSON"
     * }</pre>
     *
     * @return the problem, without the path
     */
    public String problem() {
        return problem;
    }

    /**
     * Whether the type or the value is wrong.
     *
     * <pre>{@code
     * if (e.kind() == WireFormatException.Kind.TYPE) { ... }
     * }</pre>
     *
     * @return the kind of problem
     */
    public Kind kind() {
        return kind;
    }
}
