package dev.kestrasdk.otel;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.logs.ConfigurableLogRecordExporterProvider;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;

/** Makes {@code otel.logs.exporter=kestra} select {@link KestraLogRecordExporter} in the SDK's autoconfiguration. */
public final class KestraLogRecordExporterProvider implements ConfigurableLogRecordExporterProvider {
    /** For {@link java.util.ServiceLoader}. */
    public KestraLogRecordExporterProvider() {
    }

    @Override
    public LogRecordExporter createExporter(ConfigProperties config) {
        return KestraLogRecordExporter.create();
    }

    @Override
    public String getName() {
        return "kestra";
    }
}
