package dev.kestrasdk.conformance.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs every case through one adapter process and judges it: the harness of docs/conformance.md.
 *
 * @param sdk            the SDK's name, as in reports and known-deviations file names
 * @param command        the adapter's command, as reports show it
 * @param results        one per case, in the order run
 * @param staleEntries   known deviations naming a case that does not exist (only when the whole set ran)
 * @param adapterStarts  1 + restarts after crashes and timeouts
 */
public record ConformanceRun(String sdk, String command, String knownSource, List<CaseResult> results,
                             List<KnownDeviations.Entry> staleEntries, Duration elapsed, int adapterStarts) {

    public ConformanceRun {
        results = List.copyOf(results);
        staleEntries = List.copyOf(staleEntries);
    }

    /**
     * Runs the cases.
     *
     * @param allCases  whether {@code cases} is the whole vector set (then a listed case that does not exist is
     *                  reported as stale); false when a {@code --case} filter was applied
     * @param progress  called after each case (for live output); may be {@code null}
     * @throws AdapterStartException when the adapter cannot start or exits before its first status line
     */
    public static ConformanceRun run(String sdk, AdapterCommand command, Path workDir, List<ConformanceCase> cases,
                                     KnownDeviations known, Duration timeout, boolean allCases,
                                     Consumer<CaseResult> progress) throws AdapterStartException {
        long start = System.nanoTime();
        Judge judge = new Judge();
        List<CaseResult> results = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int starts;
        try (AdapterProcess adapter = new AdapterProcess(command, workDir, timeout)) {
            for (ConformanceCase kase : cases) {
                ids.add(kase.id());
                long t0 = System.nanoTime();
                CaseRun run = adapter.run(kase);
                CaseResult result = new CaseResult(kase, run, judge.judge(kase, run), known.get(kase.id()),
                        known.source(), System.nanoTime() - t0);
                results.add(result);
                if (progress != null) {
                    progress.accept(result);
                }
            }
            starts = adapter.starts();
        }
        List<KnownDeviations.Entry> stale = new ArrayList<>();
        if (allCases) {
            for (KnownDeviations.Entry e : known.entries().values()) {
                if (!ids.contains(e.caseId())) {
                    stale.add(e);
                }
            }
        }
        return new ConformanceRun(sdk, command.display(), known.source(), results, stale, Duration.ofNanos(System.nanoTime() - start), starts);
    }

    /** {@link #run(String, AdapterCommand, Path, List, KnownDeviations, Duration, boolean, Consumer)} for a user's shell command line. */
    public static ConformanceRun run(String sdk, String shellCommand, Path workDir, List<ConformanceCase> cases,
                                     KnownDeviations known, Duration timeout, boolean allCases,
                                     Consumer<CaseResult> progress) throws AdapterStartException {
        return run(sdk, AdapterCommand.shell(shellCommand), workDir, cases, known, timeout, allCases, progress);
    }

    /** True when the failures are exactly the known deviations. */
    public boolean passed() {
        return staleEntries.isEmpty() && results.stream().noneMatch(CaseResult::mismatch);
    }

    public long count(Level level, Verdict.Result result) {
        return results.stream().filter(r -> r.verdict(level).result() == result).count();
    }

    public long count(Level level, Outcome outcome) {
        return results.stream().filter(r -> r.outcome(level) == outcome).count();
    }

    public long mismatches() {
        return results.stream().filter(CaseResult::mismatch).count() + staleEntries.size();
    }

    /** The known-deviations file this run's failures would make (for updating a list after a change). */
    public String failuresAsKnownDeviations() {
        List<KnownDeviations.Entry> entries = new ArrayList<>();
        for (CaseResult r : results) {
            if (r.verdict(Level.KESTRA).failed()) {
                entries.add(new KnownDeviations.Entry(r.kase().id(), Level.KESTRA, cut(r.verdict(Level.KESTRA).reason()), 0));
            } else if (r.verdict(Level.CANONICAL).failed()) {
                entries.add(new KnownDeviations.Entry(r.kase().id(), Level.CANONICAL, cut(r.verdict(Level.CANONICAL).reason()), 0));
            }
        }
        return KnownDeviations.format(entries);
    }

    private static String cut(String reason) {
        return reason.length() <= 200 ? reason : reason.substring(0, 200) + "...";
    }

    /** One line: counts per level and the result. */
    public String summary() {
        long kp = count(Level.KESTRA, Verdict.Result.PASS);
        long kf = count(Level.KESTRA, Verdict.Result.FAIL);
        long cp = count(Level.CANONICAL, Verdict.Result.PASS);
        long cf = count(Level.CANONICAL, Verdict.Result.FAIL);
        long skipped = count(Level.KESTRA, Verdict.Result.SKIP);
        long known = results.stream().filter(r -> r.outcome(Level.KESTRA) == Outcome.KNOWN_FAILURE
                || r.outcome(Level.CANONICAL) == Outcome.KNOWN_FAILURE).count();
        return sdk + ": " + results.size() + " cases; Kestra-equivalent " + kp + " passed, " + kf + " failed; canonical "
                + cp + " passed, " + cf + " failed; " + skipped + " skipped (unsupported); " + known
                + " known deviation" + (known == 1 ? "" : "s") + " matched, " + mismatches() + " mismatch"
                + (mismatches() == 1 ? "" : "es") + " with " + knownSource + " -> " + (passed() ? "PASS" : "FAIL")
                + " (" + String.format("%.1f", elapsed.toMillis() / 1000.0) + "s)";
    }
}
