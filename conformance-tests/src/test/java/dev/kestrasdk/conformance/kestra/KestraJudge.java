package dev.kestrasdk.conformance.kestra;

import dev.kestrasdk.parse.KestraVersion;
import io.kestra.core.models.assets.Asset;
import io.kestra.core.models.assets.AssetIdentifier;
import io.kestra.core.models.executions.AbstractMetricEntry;
import io.kestra.core.models.tasks.runners.TaskLogLineMatcher;
import io.kestra.core.runners.AssetEmit;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kestra's own reading of a line, without a server: the pattern match and the Jackson mapper that
 * {@link TaskLogLineMatcher} applies to every stdout/stderr line of a script task, reduced to an
 * {@link Extracted}. Stateless and thread-safe (Kestra's mapper is).
 */
public final class KestraJudge extends TaskLogLineMatcher implements KestraReader {
    public static final KestraJudge INSTANCE = new KestraJudge();

    @Override
    public KestraVersion version() {
        return KestraVersion.V1_3;
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
            return Judgement.accepted(extracted(match));
        } catch (NullMetricEntry e) {
            return Judgement.rejected(e);
        }
    }

    /**
     * What the four keys of 1.3 give; also Kestra 2.0's reading of them (conformance-kestra20 calls this with
     * 2.0's TaskLogMatch, which has the same accessors).
     *
     * @throws NullPointerException for a null metric entry, on which Kestra fails
     */
    static Extracted extracted(TaskLogMatch match) {
        return new Extracted(match.outputs(), metrics(match), logs(match), assets(match.assets()));
    }

    private static final class NullMetricEntry extends NullPointerException {
        NullMetricEntry() {
            super("handle() passes a null metric entry to RunContext.metric");
        }
    }

    private static List<Extracted.MetricValue> metrics(TaskLogMatch match) {
        List<Extracted.MetricValue> out = new ArrayList<>();
        if (match.metrics() != null) {
            for (AbstractMetricEntry<?> m : match.metrics()) {
                if (m == null) {
                    // The reader returns it, but handle() then calls runContext.metric(null), which throws:
                    // the whole line is lost, as with a rejected line.
                    throw new NullMetricEntry();
                }
                Map<String, String> tags = m.getTags() == null ? Map.of() : m.getTags();
                out.add(new Extracted.MetricValue(m.getType(), m.getName(), number(m.getValue()), tags));
            }
        }
        return out;
    }

    /** Counter and gauge values are Doubles already; a timer's Duration becomes seconds, exactly then rounded once. */
    private static Double number(Object value) {
        if (value instanceof Duration d) {
            return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)).doubleValue();
        }
        return (Double) value;
    }

    /**
     * Kestra's handle() logs each entry with {@code logger.atLevel(level)} inside a catch-all: a null entry or a
     * null level throws there and the entry is dropped with a warning. Only the entries that reach the log count.
     */
    private static List<Extracted.LogValue> logs(TaskLogMatch match) {
        List<Extracted.LogValue> out = new ArrayList<>();
        if (match.logs() != null) {
            for (LogLine l : match.logs()) {
                if (l != null && l.level() != null) {
                    out.add(new Extracted.LogValue(l.level().name(), l.message()));
                }
            }
        }
        return out;
    }

    private static Map<String, Object> assets(AssetEmit emit) {
        if (emit == null) {
            return null;
        }
        List<Object> inputs = new ArrayList<>();
        if (emit.inputs() != null) {
            for (AssetIdentifier a : emit.inputs()) {
                inputs.add(a == null ? null : fields(Extracted.INPUT_FIELDS, a.tenantId(), a.namespace(), a.id(), a.type()));
            }
        }
        List<Object> outputs = new ArrayList<>();
        if (emit.outputs() != null) {
            for (Asset a : emit.outputs()) {
                outputs.add(a == null ? null : fields(Extracted.OUTPUT_FIELDS, a.getTenantId(), a.getNamespace(), a.getId(),
                        a.getType(), a.getDisplayName(), a.getDescription(), a.getMetadata()));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("inputs", inputs);
        out.put("outputs", outputs);
        return out;
    }

    private static Map<String, Object> fields(List<String> names, Object... values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), values[i]);
        }
        return out;
    }
}
