package dev.kestrasdk.otel;

import dev.kestrasdk.Kestra;
import dev.kestrasdk.parse.KestraVersion;
import dev.kestrasdk.parse.LineParser;
import dev.kestrasdk.parse.OtlpContent;
import dev.kestrasdk.parse.ParsedLine;
import dev.kestrasdk.sink.CollectingSink;
import dev.kestrasdk.sink.LineSink;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exporters' lines as the parser following Kestra 2.0 reads them (conformance-kestra20 holds the parser to
 * Kestra 2.0's own reader, and reads the same program's output with that reader).
 */
class KestraExportersTest {
    private static final LineParser KESTRA_20 = new LineParser(KestraVersion.V2_0);

    /** An SDK whose log records are exported one by one and whose metrics are exported when it closes. */
    private static OpenTelemetrySdk sdk(LineSink sink) {
        return OpenTelemetrySdk.builder()
                .setLoggerProvider(SdkLoggerProvider.builder()
                        .addLogRecordProcessor(SimpleLogRecordProcessor.create(KestraLogRecordExporter.create(sink))).build())
                .setMeterProvider(SdkMeterProvider.builder()
                        .registerMetricReader(PeriodicMetricReader.builder(KestraMetricExporter.create(sink))
                                .setInterval(Duration.ofHours(1)).build()).build())
                .build();
    }

    private static List<ParsedLine> parsed(List<String> lines) {
        return lines.stream().map(KESTRA_20::parse).collect(Collectors.toList());
    }

    private static List<String> logs(List<ParsedLine> lines) {
        List<String> out = new ArrayList<>();
        for (ParsedLine line : lines) {
            for (OtlpContent.Log log : line.otlp().logs()) {
                out.add(log.level() + " " + log.message());
            }
        }
        return out;
    }

    private static List<String> metrics(List<ParsedLine> lines) {
        List<String> out = new ArrayList<>();
        for (ParsedLine line : lines) {
            for (OtlpContent.MetricPoint p : line.otlp().metrics()) {
                out.add(p.type().wireName() + " " + p.name() + " " + p.value() + " " + p.tags() + " \"" + p.description() + "\"");
            }
        }
        out.sort(null);
        return out;
    }

    @Test
    void theProgramsLogsAndMetricsAsKestra20ReadsThem() {
        CollectingSink sink = new CollectingSink();
        try (OpenTelemetrySdk sdk = sdk(sink)) {
            InstrumentedProgram.run(sdk);
        }
        List<String> lines = sink.lines();
        assertEquals(5, lines.size(), "one line per log record (simple processor), one for the metrics: " + lines);
        List<ParsedLine> parsed = parsed(lines);
        for (ParsedLine line : parsed) {
            assertTrue(line.accepted(), line.toString());
            assertEquals(List.of(), line.diagnostics(), line.text());
        }
        assertEquals(List.of("INFO loading a.csv", "WARN careful: 3 rows skipped", "ERROR failed: b.csv \u00e9t\u00e9", "DEBUG details"),
                logs(parsed));
        assertEquals(List.of(
                "counter rows 12.0 {file=a.csv} \"rows read (rows)\"",
                "counter rows 2.0 {file=b.csv} \"rows read (rows)\"",
                "gauge queue_depth 2.0 {} \"jobs waiting\"",
                "gauge temperature 21.5 {room=lab} \"room temperature (Cel)\""), metrics(parsed));
    }

    @Test
    void eachLineIsOneAsciiFrameWithTheRecordUnderOtlp() {
        CollectingSink sink = new CollectingSink();
        try (OpenTelemetrySdk sdk = sdk(sink)) {
            InstrumentedProgram.run(sdk);
        }
        String error = sink.lines().get(2);
        assertTrue(error.startsWith("::{\"otlp\":{\"resourceLogs\":[{"), error);
        assertTrue(error.endsWith("}]}]}]}}::"), error);
        assertTrue(error.contains("\"severityNumber\":17,\"severityText\":\"ERROR\",\"body\":{\"stringValue\":\"failed: b.csv \\u00E9t\\u00E9\"}"), error);
        for (String line : sink.lines()) {
            assertTrue(line.chars().allMatch(c -> c >= 0x20 && c < 0x7f), line);
        }
        String metrics = sink.lines().get(4);
        assertTrue(metrics.startsWith("::{\"otlp\":{\"resourceMetrics\":[{"), metrics);
        assertTrue(metrics.contains("\"aggregationTemporality\":1"), "a delta sum for the counter: " + metrics);
        assertTrue(metrics.contains("\"aggregationTemporality\":2"), "a cumulative sum for the up-down counter: " + metrics);
        assertFalse(metrics.contains("latency"), "the histogram is left out: " + metrics);
    }

    @Test
    void countersAreDeltaEverythingElseCumulative() {
        KestraMetricExporter exporter = KestraMetricExporter.create(new CollectingSink());
        for (InstrumentType type : InstrumentType.values()) {
            AggregationTemporality expected = type == InstrumentType.COUNTER || type == InstrumentType.OBSERVABLE_COUNTER
                    ? AggregationTemporality.DELTA : AggregationTemporality.CUMULATIVE;
            assertEquals(expected, exporter.getAggregationTemporality(type), type.name());
        }
    }

    @Test
    void aCounterReportsWhatWasCountedSinceTheLastExportAndAnUpDownCounterItsLevel() {
        CollectingSink sink = new CollectingSink();
        SdkMeterProvider meters = SdkMeterProvider.builder()
                .registerMetricReader(PeriodicMetricReader.builder(KestraMetricExporter.create(sink)).setInterval(Duration.ofHours(1)).build())
                .build();
        Meter meter = meters.get("demo");
        LongCounter rows = meter.counterBuilder("rows").build();
        var level = meter.upDownCounterBuilder("level").build();
        rows.add(4);
        level.add(5);
        meters.forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
        level.add(-2);
        meters.forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
        rows.add(1);
        meters.close();
        assertEquals(List.of("counter rows 4.0 {} \"null\"", "gauge level 5.0 {} \"null\""), metrics(parsed(sink.lines().subList(0, 1))));
        assertEquals(List.of("gauge level 3.0 {} \"null\""), metrics(parsed(sink.lines().subList(1, 2))));
        assertEquals(List.of("counter rows 1.0 {} \"null\"", "gauge level 3.0 {} \"null\""), metrics(parsed(sink.lines().subList(2, 3))));
        assertEquals(3, sink.lines().size());
    }

    @Test
    void aHistogramIsLeftOutWithOneWarningPerName() {
        List<String> warnings = new ArrayList<>();
        Logger jul = Logger.getLogger(KestraMetricExporter.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(handler);
        CollectingSink sink = new CollectingSink();
        try {
            SdkMeterProvider meters = SdkMeterProvider.builder()
                    .registerMetricReader(PeriodicMetricReader.builder(KestraMetricExporter.create(sink)).setInterval(Duration.ofHours(1)).build())
                    .build();
            var latency = meters.get("demo").histogramBuilder("latency").build();
            latency.record(1);
            meters.forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
            latency.record(2);
            meters.close();
        } finally {
            jul.removeHandler(handler);
        }
        assertEquals(List.of("WARNING kestra-otel: Kestra reads no histogram metrics: 'latency' is not sent (use a counter or a gauge)"), warnings);
        assertEquals(List.of(), sink.lines(), "nothing else to send, so no line");
    }

    @Test
    void aBatchWhoseLineWouldPass16KiBIsSplitAndASingleLargeRecordWarnsOnce() {
        List<String> warnings = new ArrayList<>();
        Logger jul = Logger.getLogger(FrameWriter.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(handler);
        CollectingSink sink = new CollectingSink();
        KestraLogRecordExporter exporter = KestraLogRecordExporter.create(sink);
        List<String> expected = new ArrayList<>();
        try {
            // two records of 20,000 characters, each exported alone: too long for one line, written all the same
            SdkLoggerProvider oneByOne = SdkLoggerProvider.builder()
                    .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter)).build();
            String large = "y".repeat(20_000);
            oneByOne.get("demo").logRecordBuilder().setBody(large).emit();
            oneByOne.get("demo").logRecordBuilder().setBody(large).emit();
            expected.add("INFO " + large);
            expected.add("INFO " + large);
            // 300 records of about 110 characters exported as one batch
            SdkLoggerProvider batched = SdkLoggerProvider.builder()
                    .addLogRecordProcessor(BatchLogRecordProcessor.builder(exporter)
                            .setScheduleDelay(Duration.ofHours(1)).setMaxExportBatchSize(512).build())
                    .build();
            for (int i = 0; i < 300; i++) {
                String body = "record " + i + " " + "x".repeat(100);
                batched.get("demo").logRecordBuilder().setBody(body).emit();
                expected.add("INFO " + body);
            }
            batched.close();
            oneByOne.close();
        } finally {
            jul.removeHandler(handler);
        }
        List<String> lines = sink.lines();
        List<Integer> counts = parsed(lines).stream().map(p -> p.otlp().logs().size()).toList();
        assertEquals(List.of(1, 1, 75, 75, 75, 75), counts, "300 records split into halves until each line fits");
        assertTrue(expected.equals(logs(parsed(lines))), "every record once, in order");
        assertTrue(lines.subList(2, 6).stream().allMatch(l -> l.length() <= 16 * 1024));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("kestra-otel: an otlp line of " + lines.get(0).length() + " bytes was written for one record;"),
                warnings.get(0));
    }

    @Test
    void aStreamGetsEachLineWithItsNewline() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SdkLoggerProvider logs = SdkLoggerProvider.builder()
                .addLogRecordProcessor(SimpleLogRecordProcessor.create(KestraLogRecordExporter.create(out))).build();
        logs.get("demo").logRecordBuilder().setBody("one").emit();
        logs.get("demo").logRecordBuilder().setBody("two").emit();
        logs.close();
        String[] lines = out.toString(StandardCharsets.US_ASCII).split("\n", -1);
        assertEquals(3, lines.length);
        assertEquals("", lines[2]);
        assertEquals(List.of("INFO one", "INFO two"), logs(parsed(List.of(lines[0], lines[1]))));
    }

    @Test
    void aFailingSinkFailsTheExportAndAShutDownExporterExportsNothing() {
        LineSink broken = line -> {
            throw new UncheckedIOException(new java.io.IOException("disk full"));
        };
        KestraLogRecordExporter exporter = KestraLogRecordExporter.create(broken);
        SdkLoggerProvider logs = SdkLoggerProvider.builder().addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter)).build();
        List<CompletableResultCode> results = new ArrayList<>();
        KestraLogRecordExporter recording = KestraLogRecordExporter.create(new CollectingSink());
        SdkLoggerProvider probe = SdkLoggerProvider.builder().addLogRecordProcessor(new io.opentelemetry.sdk.logs.LogRecordProcessor() {
            @Override
            public void onEmit(io.opentelemetry.context.Context context, io.opentelemetry.sdk.logs.ReadWriteLogRecord record) {
                results.add(exporter.export(List.of(record.toLogRecordData())));
                recording.shutdown();
                results.add(recording.export(List.of(record.toLogRecordData())));
            }
        }).build();
        probe.get("demo").logRecordBuilder().setBody("x").emit();
        probe.close();
        logs.close();
        assertEquals(2, results.size());
        assertFalse(results.get(0).isSuccess());
        assertEquals("disk full", results.get(0).getFailureThrowable().getCause().getMessage());
        assertFalse(results.get(1).isSuccess());
        KestraMetricExporter metrics = KestraMetricExporter.create(new CollectingSink());
        assertTrue(metrics.shutdown().isSuccess());
        assertFalse(metrics.export(List.of()).isSuccess());
        assertTrue(metrics.flush().isSuccess());
    }

    @Test
    void otelExportersKestraSelectsThemInTheAutoconfiguration() {
        CollectingSink sink = new CollectingSink();
        LineSink previous = Kestra.setSink(sink);
        try {
            OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                    .addPropertiesSupplier(() -> Map.of("otel.logs.exporter", "kestra", "otel.metrics.exporter", "kestra",
                            "otel.traces.exporter", "none"))
                    .disableShutdownHook()
                    .build().getOpenTelemetrySdk();
            sdk.getLogsBridge().get("demo").logRecordBuilder().setBody("hello").emit();
            sdk.getMeter("demo").counterBuilder("runs").build().add(1, Attributes.of(AttributeKey.stringKey("k"), "v"));
            sdk.close();
        } finally {
            Kestra.setSink(previous);
        }
        List<ParsedLine> parsed = parsed(sink.lines());
        assertEquals(List.of("INFO hello"), logs(parsed));
        // the autoconfigured batch processor reports its own queue through the same meter provider (0 or 1 item,
        // depending on whether its thread had taken the record when the metrics were collected)
        assertEquals(List.of("counter runs 1.0 {k=v} \"null\"",
                "gauge queueSize N {processorType=BatchLogRecordProcessor} \"The number of items queued (1)\""),
                metrics(parsed).stream().map(m -> m.replaceFirst("^gauge queueSize [01]\\.0 ", "gauge queueSize N ")).toList());
    }
}
