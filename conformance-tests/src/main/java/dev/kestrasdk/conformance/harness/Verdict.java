package dev.kestrasdk.conformance.harness;

import java.util.Objects;

/** The judgement of one case at one level: pass, fail (with why), or skipped (the adapter cannot express the case). */
public record Verdict(Result result, String reason) {
    public enum Result { PASS, FAIL, SKIP }

    public static final Verdict PASS = new Verdict(Result.PASS, null);

    public Verdict {
        Objects.requireNonNull(result, "result");
        if ((result == Result.PASS) != (reason == null)) {
            throw new IllegalArgumentException("a failure or a skip has a reason, a pass none");
        }
    }

    public static Verdict fail(String reason) {
        return new Verdict(Result.FAIL, reason);
    }

    public static Verdict skip(String reason) {
        return new Verdict(Result.SKIP, reason);
    }

    public boolean failed() {
        return result == Result.FAIL;
    }
}
