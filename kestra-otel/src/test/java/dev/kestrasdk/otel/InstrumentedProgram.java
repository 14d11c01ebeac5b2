package dev.kestrasdk.otel;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.metrics.DoubleGauge;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;

/**
 * A small program instrumented through the OpenTelemetry API only, the same in every language
 * (sdks/python/tests/otel_program.py, sdks/javascript/test/otel-program.mjs): what Kestra 2.0 makes of its
 * output is {@code OpenTelemetryExportersReadByKestra20Test}'s expectation (conformance-kestra20).
 */
public final class InstrumentedProgram {
    private InstrumentedProgram() {
    }

    public static void run(OpenTelemetry otel) {
        Logger log = otel.getLogsBridge().get("demo");
        log.logRecordBuilder().setSeverity(Severity.INFO).setSeverityText("INFO").setBody("loading a.csv")
                .setAttribute(AttributeKey.stringKey("file"), "a.csv").emit();
        log.logRecordBuilder().setSeverity(Severity.WARN).setSeverityText("WARN").setBody("careful: 3 rows skipped")
                .setAttribute(AttributeKey.longKey("skipped"), 3L).emit();
        log.logRecordBuilder().setSeverity(Severity.ERROR).setSeverityText("ERROR").setBody("failed: b.csv \u00e9t\u00e9").emit();
        log.logRecordBuilder().setSeverity(Severity.DEBUG).setSeverityText("DEBUG").setBody("details").emit();

        Meter meter = otel.getMeter("demo");
        LongCounter rows = meter.counterBuilder("rows").setDescription("rows read").setUnit("rows").build();
        rows.add(5, Attributes.of(AttributeKey.stringKey("file"), "a.csv"));
        rows.add(7, Attributes.of(AttributeKey.stringKey("file"), "a.csv"));
        rows.add(2, Attributes.of(AttributeKey.stringKey("file"), "b.csv"));
        DoubleGauge temperature = meter.gaugeBuilder("temperature").setDescription("room temperature").setUnit("Cel").build();
        temperature.set(21.5, Attributes.of(AttributeKey.stringKey("room"), "lab"));
        LongUpDownCounter queue = meter.upDownCounterBuilder("queue_depth").setDescription("jobs waiting").build();
        queue.add(3);
        queue.add(-1);
        DoubleHistogram latency = meter.histogramBuilder("latency").setUnit("ms").build();
        latency.record(12);
        latency.record(30);
    }
}
