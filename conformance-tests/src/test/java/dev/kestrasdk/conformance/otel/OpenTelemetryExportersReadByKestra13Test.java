package dev.kestrasdk.conformance.otel;

import dev.kestrasdk.conformance.kestra.Extracted;
import dev.kestrasdk.conformance.kestra.Judgement;
import dev.kestrasdk.conformance.kestra.KestraJudge;
import dev.kestrasdk.otel.InstrumentedProgram;
import dev.kestrasdk.otel.KestraLogRecordExporter;
import dev.kestrasdk.otel.KestraMetricExporter;
import dev.kestrasdk.parse.Diagnostic;
import dev.kestrasdk.parse.KestraVersion;
import dev.kestrasdk.parse.LineParser;
import dev.kestrasdk.parse.ParsedLine;
import dev.kestrasdk.sink.CollectingSink;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What Kestra 1.3 makes of the OpenTelemetry exporters' lines (docs/opentelemetry.md, "Kestra 1.3"): it reads each
 * as a protocol line and ignores its {@code otlp} key, so the task gets no log, no metric, and does not show the
 * line either. conformance-kestra20 holds the same program's lines to Kestra 2.0, which reads them.
 */
class OpenTelemetryExportersReadByKestra13Test {
    @Test
    void everyLineIsAcceptedAndNothingIsTaken() {
        CollectingSink sink = new CollectingSink();
        try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setLoggerProvider(SdkLoggerProvider.builder()
                        .addLogRecordProcessor(SimpleLogRecordProcessor.create(KestraLogRecordExporter.create(sink))).build())
                .setMeterProvider(SdkMeterProvider.builder()
                        .registerMetricReader(PeriodicMetricReader.builder(KestraMetricExporter.create(sink))
                                .setInterval(Duration.ofHours(1)).build()).build())
                .build()) {
            InstrumentedProgram.run(sdk);
        }
        assertEquals(5, sink.lines().size());
        LineParser v13 = new LineParser(KestraVersion.V1_3);
        for (String line : sink.lines()) {
            Judgement j = KestraJudge.INSTANCE.judge(line);
            assertEquals(Judgement.Verdict.ACCEPTED, j.verdict(), () -> "Kestra 1.3 " + j + " for " + line);
            assertEquals(new Extracted(Map.of(), List.of(), List.of(), null), j.extracted(), line);
            ParsedLine parsed = v13.parse(line);
            assertEquals(Extracted.of(parsed), j.extracted(), line);
            assertEquals(List.of("unknown-key"), parsed.diagnostics().stream().map(Diagnostic::code).toList(), line);
        }
    }
}
