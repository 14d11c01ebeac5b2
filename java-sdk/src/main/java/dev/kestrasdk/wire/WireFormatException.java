package dev.kestrasdk.wire;

/**
 * A value cannot be written on the wire. Thrown at the call, before anything is printed: the call emits
 * no line at all. The message names the offending path, for example
 * {@code outputs.rows[3].ratio: NaN is not valid JSON}.
 */
public final class WireFormatException extends IllegalArgumentException {
    /** Whether the value had the wrong type or a wrong value of an accepted type (maps to TypeError/ValueError in guests). */
    public enum Kind { TYPE, VALUE }

    private final String path;
    private final String problem;
    private final Kind kind;

    public WireFormatException(Kind kind, String path, String problem) {
        super(path + ": " + problem);
        this.kind = kind;
        this.path = path;
        this.problem = problem;
    }

    /** Where the bad value is, starting at the argument's name: {@code outputs.rows[3].ratio}, {@code tags.env}, {@code name}. */
    public String path() {
        return path;
    }

    /** What is wrong with it, without the path. */
    public String problem() {
        return problem;
    }

    public Kind kind() {
        return kind;
    }
}
