package dev.kestrasdk.conformance.harness;

/** One case, run and judged, held against the known-deviations list. */
public record CaseResult(ConformanceCase kase, CaseRun run, Judge.Judgement judgement, KnownDeviations.Entry known,
                         String knownSource, long nanos) {

    public Verdict verdict(Level level) {
        return judgement.at(level);
    }

    public Outcome outcome(Level level) {
        return Outcome.of(verdict(level), known, level);
    }

    public boolean mismatch() {
        return outcome(Level.KESTRA).mismatch() || outcome(Level.CANONICAL).mismatch();
    }

    /** What to tell about this case at a level: the failure's reason, or what to change in the list. */
    public String explanation(Level level) {
        Verdict v = verdict(level);
        return switch (outcome(level)) {
            case PASS -> null;
            case KNOWN_FAILURE, NEW_FAILURE, SKIPPED -> v.reason();
            case UNEXPECTED_PASS -> known.level() == Level.KESTRA && level == Level.KESTRA
                    && verdict(Level.CANONICAL).failed()
                    ? "now Kestra-equivalent: change its entry in " + knownSource + " (line " + known.lineNumber() + ") from 'kestra' to 'canonical'"
                    : "passes now: remove it from " + knownSource + " (line " + known.lineNumber() + ")";
            case SKIPPED_BUT_LISTED -> v.reason() + "; it is listed in " + knownSource + " (line " + known.lineNumber()
                    + "): remove it from the list";
        };
    }
}
