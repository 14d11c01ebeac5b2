package dev.kestrasdk.conformance.harness;

/** A case's verdict at one level held against the known-deviations list. */
public enum Outcome {
    PASS("✓", false),
    /** Fails, and the list says so. */
    KNOWN_FAILURE("✗", false),
    /** Fails, and the list does not say so: a regression (or a new case). */
    NEW_FAILURE("✗", true),
    /** Passes, but the list says it fails: update the list. */
    UNEXPECTED_PASS("✓", true),
    /** The adapter cannot express the case in its language. */
    SKIPPED("-", false),
    /** Skipped, but listed as a failure: update the list. */
    SKIPPED_BUT_LISTED("-", true);

    private final String mark;
    private final boolean mismatch;

    Outcome(String mark, boolean mismatch) {
        this.mark = mark;
        this.mismatch = mismatch;
    }

    /** ✓, ✗ or -. */
    public String mark() {
        return mark;
    }

    /** True when the result differs from the known-deviations list: the run fails. */
    public boolean mismatch() {
        return mismatch;
    }

    static Outcome of(Verdict verdict, KnownDeviations.Entry known, Level level) {
        boolean listed = known != null && known.covers(level);
        return switch (verdict.result()) {
            case PASS -> listed ? UNEXPECTED_PASS : PASS;
            case FAIL -> listed ? KNOWN_FAILURE : NEW_FAILURE;
            case SKIP -> known != null ? SKIPPED_BUT_LISTED : SKIPPED;
        };
    }
}
