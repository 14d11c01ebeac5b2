package dev.kestrasdk.conformance.harness;

/** The two conformance levels of docs/wire-format.md 1.2, as named in known-deviations files. */
public enum Level {
    /** Kestra reads the same data from the SDK's lines as from the canonical ones; refusals are refusals. */
    KESTRA("kestra", "Kestra-equivalent"),
    /** The same bytes; refusals of the same kind at the same path. */
    CANONICAL("canonical", "canonical");

    private final String id;
    private final String title;

    Level(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The name used in known-deviations files and reports: {@code kestra}, {@code canonical}. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static Level of(String id) {
        for (Level l : values()) {
            if (l.id.equals(id)) {
                return l;
            }
        }
        return null;
    }
}
