package dev.kestrasdk.otel;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.metrics.ConfigurableMetricExporterProvider;
import io.opentelemetry.sdk.metrics.export.MetricExporter;

/** Makes {@code otel.metrics.exporter=kestra} select {@link KestraMetricExporter} in the SDK's autoconfiguration. */
public final class KestraMetricExporterProvider implements ConfigurableMetricExporterProvider {
    /** For {@link java.util.ServiceLoader}. */
    public KestraMetricExporterProvider() {
    }

    @Override
    public MetricExporter createExporter(ConfigProperties config) {
        return KestraMetricExporter.create();
    }

    @Override
    public String getName() {
        return "kestra";
    }
}
