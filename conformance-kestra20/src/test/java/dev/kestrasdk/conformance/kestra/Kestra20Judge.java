package dev.kestrasdk.conformance.kestra;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kestrasdk.parse.KestraVersion;
import io.kestra.core.models.executions.AbstractMetricEntry;
import io.kestra.core.models.tasks.runners.TaskLogLineMatcher;
import io.kestra.core.models.tasks.runners.otlp.OtlpRecord;
import io.kestra.core.utils.ListUtils;
import org.slf4j.event.Level;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kestra 2.0's own reading of a line, without a server: {@link TaskLogLineMatcher}'s pattern and mapper as for
 * 1.3 ({@link KestraJudge#extracted}), plus the {@code otlp} record, forwarded as its {@code handleOtlp} does:
 * the same walk over resource, scope and record lists with the same per-record catch, and Kestra's own
 * {@code otlpSeverityToLevel}, {@code toInstant}, {@code AnyValue.asText}, {@code redactEncryptedOutputs} and
 * {@code toKestraMetrics} for each record (handleOtlp itself needs a RunContext). Stateless and thread-safe.
 */
public final class Kestra20Judge extends TaskLogLineMatcher implements KestraReader {
    public static final Kestra20Judge INSTANCE = new Kestra20Judge();

    /** The time handed to Kestra as the line's own: a log or point that falls back to it has no time of its own. */
    private static final Instant LINE_TIME = Instant.parse("2001-02-03T04:05:06Z");

    @Override
    public KestraVersion version() {
        return KestraVersion.V2_0;
    }

    @Override
    public Judgement judge(String line) {
        Optional<String> payload = matches(line);
        if (payload.isEmpty()) {
            return Judgement.noMatch();
        }
        TaskLogMatch match;
        try {
            match = MAPPER.readValue(payload.get(), TaskLogMatch.class);
        } catch (Exception | StackOverflowError e) {
            return Judgement.rejected(e);
        }
        try {
            Extracted classic = KestraJudge.extracted(match);
            OtlpRecord otlp = match.otlp();
            return Judgement.accepted(otlp == null || otlp.isEmpty() ? classic : withOtlp(classic, otlp));
        } catch (RuntimeException e) {
            return Judgement.rejected(e);
        }
    }

    /**
     * One line of a bare OTLP NDJSON file as {@code parseOtlp} reads it: blank lines skipped (NOMATCH), lines it
     * cannot read or without any section skipped with a warning (REJECTED), others forwarded (ACCEPTED).
     */
    public Judgement judgeOtlpLine(String line) {
        if (line.isBlank()) {
            return Judgement.noMatch();
        }
        try {
            OtlpRecord record = parseOtlpLine(line);
            if (record.isEmpty()) {
                return Judgement.rejected(new IllegalArgumentException("Ignoring line without any OTLP section"));
            }
            return Judgement.accepted(withOtlp(new Extracted(null, null, null, null), record));
        } catch (JsonProcessingException | RuntimeException e) {
            return Judgement.rejected(e);
        }
    }

    private Extracted withOtlp(Extracted classic, OtlpRecord record) {
        List<Extracted.MetricValue> metrics = new ArrayList<>(classic.metrics());
        List<Extracted.LogValue> logs = new ArrayList<>(classic.logs());
        List<String> logDetail = new ArrayList<>();
        List<String> metricDetail = new ArrayList<>();
        for (OtlpRecord.ResourceLogs resource : ListUtils.emptyOnNull(record.resourceLogs())) {
            for (OtlpRecord.ScopeLogs scope : ListUtils.emptyOnNull(resource.scopeLogs())) {
                for (OtlpRecord.LogRecord log : ListUtils.emptyOnNull(scope.logRecords())) {
                    try {
                        Level level = otlpSeverityToLevel(log);
                        Instant time = toInstant(log.timeUnixNano(), LINE_TIME);
                        String message = log.body() != null ? redactEncryptedOutputs(log.body().asText()) : null;
                        logs.add(new Extracted.LogValue(level.name(), message));
                        logDetail.add(Extracted.otlpLog(level.name(), own(time)));
                    } catch (Exception e) {
                        // handleOtlp logs a warning and goes on with the next record
                    }
                }
            }
        }
        for (OtlpRecord.ResourceMetrics resource : ListUtils.emptyOnNull(record.resourceMetrics())) {
            for (OtlpRecord.ScopeMetrics scope : ListUtils.emptyOnNull(resource.scopeMetrics())) {
                for (OtlpRecord.Metric metric : ListUtils.emptyOnNull(scope.metrics())) {
                    List<AbstractMetricEntry<?>> entries;
                    try {
                        entries = toKestraMetrics(metric, LINE_TIME);
                    } catch (Exception e) {
                        continue; // handleOtlp logs a warning: the metric is lost, its other points too
                    }
                    for (AbstractMetricEntry<?> m : entries) {
                        Map<String, String> tags = m.getTags() == null ? Map.of() : m.getTags();
                        metrics.add(new Extracted.MetricValue(m.getType(), m.getName(), (Double) m.getValue(), tags));
                        metricDetail.add(Extracted.otlpMetric(m.getName(), m.getDescription(), own(m.getTimestamp())));
                    }
                }
            }
        }
        List<String> detail = new ArrayList<>(logDetail);
        detail.addAll(metricDetail);
        return new Extracted(classic.outputs(), metrics, logs, classic.assets(), detail);
    }

    private static Instant own(Instant time) {
        return LINE_TIME.equals(time) ? null : time;
    }
}
