package dev.kestrasdk.conformance.harness;

import dev.kestrasdk.conformance.kestra.Extracted;
import dev.kestrasdk.conformance.kestra.Judgement;
import dev.kestrasdk.conformance.kestra.KestraJudge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Judges Kestra-equivalence a second time with Kestra's own reader ({@link KestraJudge}, test scope only) and
 * checks that the harness, which uses the SDK's {@code LineParser}, reached the same verdict for every case.
 */
final class KestraCrossCheck {
    private KestraCrossCheck() {
    }

    /** What Kestra keeps from a run's lines, merged as Kestra merges them. */
    private record Merged(Map<String, Object> outputs, List<Extracted.MetricValue> metrics, List<Extracted.LogValue> logs,
                          List<Map<String, Object>> assets, int accepted, boolean rejected) {
    }

    private static Merged merge(List<String> lines) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        List<Extracted.MetricValue> metrics = new ArrayList<>();
        List<Extracted.LogValue> logs = new ArrayList<>();
        List<Map<String, Object>> assets = new ArrayList<>();
        int accepted = 0;
        boolean rejected = false;
        for (String line : lines) {
            Judgement j = KestraJudge.INSTANCE.judge(line);
            switch (j.verdict()) {
                case REJECTED -> rejected = true;
                case NOMATCH -> {
                }
                case ACCEPTED -> {
                    accepted++;
                    outputs.putAll(j.extracted().outputs());
                    metrics.addAll(j.extracted().metrics());
                    logs.addAll(j.extracted().logs());
                    if (j.extracted().assets() != null) {
                        assets.add(j.extracted().assets());
                    }
                }
            }
        }
        return new Merged(outputs, metrics, logs, assets, accepted, rejected);
    }

    /** Whether Kestra itself finds the adapter's lines equivalent to the expected ones. */
    static boolean kestraEquivalent(CaseResult r) {
        Merged expected = merge(r.kase().expectedLines());
        Merged actual = merge(r.run().lines());
        boolean errorExpected = r.kase().expectedError() != null;
        boolean errorRaised = r.run().status() == CaseRun.Status.ERROR;
        return errorExpected == errorRaised && !actual.rejected() && actual.accepted() == expected.accepted()
                && expected.outputs().equals(actual.outputs()) && expected.metrics().equals(actual.metrics())
                && expected.logs().equals(actual.logs()) && expected.assets().equals(actual.assets());
    }

    /** Every judged case: the harness's Kestra-equivalent verdict is Kestra's own. Returns how many were checked. */
    static int assertAgrees(ConformanceRun run) {
        int checked = 0;
        for (CaseResult r : run.results()) {
            if (r.run().broken() || r.run().status() == CaseRun.Status.UNSUPPORTED) {
                continue;
            }
            checked++;
            boolean harness = r.verdict(Level.KESTRA).result() == Verdict.Result.PASS;
            assertEquals(kestraEquivalent(r), harness, () -> run.sdk() + " " + r.kase().id()
                    + ": the harness's Kestra-equivalent verdict (" + r.verdict(Level.KESTRA) + ") is not Kestra's; lines "
                    + r.run().lines() + ", expected " + r.kase().expectedLines());
        }
        assertTrue(checked > 0 || run.results().isEmpty(), "nothing was cross-checked");
        return checked;
    }
}
