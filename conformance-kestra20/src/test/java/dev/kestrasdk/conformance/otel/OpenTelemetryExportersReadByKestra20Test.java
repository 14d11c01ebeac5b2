package dev.kestrasdk.conformance.otel;

import dev.kestrasdk.conformance.harness.ShippedAdapters;
import dev.kestrasdk.conformance.kestra.Extracted;
import dev.kestrasdk.conformance.kestra.Judgement;
import dev.kestrasdk.conformance.kestra.Kestra20Judge;
import dev.kestrasdk.otel.InstrumentedProgram;
import dev.kestrasdk.otel.KestraLogRecordExporter;
import dev.kestrasdk.otel.KestraMetricExporter;
import dev.kestrasdk.parse.KestraVersion;
import dev.kestrasdk.parse.LineParser;
import dev.kestrasdk.runner.process.Launch;
import dev.kestrasdk.sink.CollectingSink;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same small program, instrumented through the OpenTelemetry API only, in Java (kestra-otel's
 * InstrumentedProgram), Python (sdks/python/tests/otel_program.py, on CPython in the venv sdks/install makes) and
 * JavaScript (sdks/javascript/examples/otel-program.mjs, on Node), each exporting with this project's exporter for
 * its language: Kestra 2.0's own reader turns every output into the same task logs and metrics, and the parser
 * following 2.0 reads each line as Kestra does.
 */
class OpenTelemetryExportersReadByKestra20Test {
    private static final LineParser V20 = new LineParser(KestraVersion.V2_0);
    static final Path SDKS = ShippedAdapters.repository().resolve("sdks");

    /** What Kestra 2.0 logs: the levels of the severity numbers 9, 13, 17 and 5, the bodies. */
    private static final List<String> LOGS = List.of(
            "INFO loading a.csv", "WARN careful: 3 rows skipped", "ERROR failed: b.csv \u00e9t\u00e9", "DEBUG details");
    /**
     * What Kestra 2.0 records: the counter's delta sum as counters per attribute set (5 + 7 and 2), the gauge and the
     * up-down counter's cumulative sum (3 - 1) as gauges, description and unit joined; the histogram is not sent.
     */
    private static final List<String> METRICS = List.of(
            "counter rows 12.0 {file=a.csv} \"rows read (rows)\"",
            "counter rows 2.0 {file=b.csv} \"rows read (rows)\"",
            "gauge queue_depth 2.0 {} \"jobs waiting\"",
            "gauge temperature 21.5 {room=lab} \"room temperature (Cel)\"");

    @Test
    void java() {
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
        assertReadByKestra20(sink.lines());
    }

    @Test
    void python() throws Exception {
        Path python = SDKS.resolve("python/.venv/bin/python");
        assertTrue(Files.isExecutable(python), python + " is missing: run sdks/install");
        assertReadByKestra20(output(Launch.of(python.toString(), "tests/otel_program.py").in(SDKS.resolve("python"))
                .withEnvironment(Map.of("PYTHONPATH", "src"))));
    }

    @Test
    void javascript() throws Exception {
        Path otel = SDKS.resolve("javascript/node_modules/@opentelemetry/otlp-transformer");
        assertTrue(Files.isDirectory(otel), otel + " is missing: run sdks/install");
        assertReadByKestra20(output(Launch.of("node", "examples/otel-program.mjs").in(SDKS.resolve("javascript"))));
    }

    static void assertReadByKestra20(List<String> lines) {
        assertEquals(5, lines.size(), () -> "one line per log record, one for the metrics: " + lines);
        List<String> logs = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        for (String line : lines) {
            Judgement j = Kestra20Judge.INSTANCE.judge(line);
            assertEquals(Judgement.Verdict.ACCEPTED, j.verdict(), () -> "Kestra 2.0 " + j + " for " + line);
            Extracted read = j.extracted();
            assertEquals(read, Extracted.of(V20.parse(line)), () -> "Kestra 2.0 and the parser read " + line + " differently");
            assertEquals(List.of(), V20.parse(line).diagnostics(), line);
            read.logs().forEach(l -> logs.add(l.level() + " " + l.message()));
            List<String> details = read.otlpDetail().stream().filter(d -> d.startsWith("metric ")).toList();
            for (int i = 0; i < read.metrics().size(); i++) {
                Extracted.MetricValue m = read.metrics().get(i);
                metrics.add(m.type() + " " + m.name() + " " + m.value() + " " + m.tags() + " " + description(details.get(i)));
            }
        }
        metrics.sort(null);
        assertEquals(LOGS, logs);
        assertEquals(METRICS, metrics);
    }

    /** The quoted description in {@link Extracted#otlpMetric}'s text. */
    private static String description(String detail) {
        return detail.substring(detail.indexOf('"'), detail.lastIndexOf("\" @") + 1);
    }

    /** The program's standard output, line by line; it must exit 0. */
    static List<String> output(Launch launch) throws IOException, InterruptedException {
        Path out = Files.createTempFile("otel-program", ".out");
        Path err = Files.createTempFile("otel-program", ".err");
        try {
            Process p = launch.builder().redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
            assertEquals(0, p.exitValue(), () -> launch + " failed: " + read(err));
            assertEquals("kestra-otel: Kestra reads no histogram metrics: 'latency' is not sent (use a counter or a gauge)\n",
                    read(err), "its standard error");
            return Files.readAllLines(out, StandardCharsets.US_ASCII);
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
