package dev.kestrasdk.slf4j;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J 2 provider SLF4J finds through {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider}: its
 * loggers write Kestra log entries ({@link KestraSlf4jLogger}). Markers and the MDC are SLF4J's basic ones: the
 * MDC's entries are written after the message, markers are kept by SLF4J and not written.
 *
 * <pre>{@code
 * // with kestra-slf4j on the class path, nothing to configure:
 * org.slf4j.LoggerFactory.getLogger("orders").info("rows: {}", 42);
 * // ::{"logs":[{"level":"INFO","message":"[orders] rows: 42"}]}::
 * }</pre>
 */
public final class KestraServiceProvider implements SLF4JServiceProvider {
    /** The SLF4J API version this provider is written for; SLF4J warns about providers of an older series. */
    public static final String REQUESTED_API_VERSION = "2.0.99";

    private ILoggerFactory loggerFactory;
    private IMarkerFactory markerFactory;
    private MDCAdapter mdcAdapter;

    /**
     * Created by SLF4J's {@link java.util.ServiceLoader}; {@link #initialize()} follows.
     *
     * <pre>{@code
     * SLF4JServiceProvider provider = new KestraServiceProvider();
     * provider.initialize();
     * }</pre>
     */
    public KestraServiceProvider() {
    }

    /**
     * Creates the logger factory, marker factory and MDC adapter; SLF4J calls it once.
     *
     * <pre>{@code
     * provider.initialize();
     * }</pre>
     */
    @Override
    public void initialize() {
        mdcAdapter = new BasicMDCAdapter();
        markerFactory = new BasicMarkerFactory();
        loggerFactory = new KestraLoggerFactory(mdcAdapter);
    }

    /**
     * The factory of Kestra loggers, one per name.
     *
     * <pre>{@code
     * Logger log = provider.getLoggerFactory().getLogger("orders");
     * }</pre>
     *
     * @return the factory
     */
    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    /**
     * SLF4J's basic marker factory.
     *
     * <pre>{@code
     * Marker audit = provider.getMarkerFactory().getMarker("AUDIT");
     * }</pre>
     *
     * @return the marker factory
     */
    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    /**
     * SLF4J's basic, thread-local MDC; its entries are written after each message.
     *
     * <pre>{@code
     * MDC.put("file", "a.csv"); // later entries end with {file=a.csv}
     * }</pre>
     *
     * @return the MDC adapter
     */
    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    /**
     * The SLF4J API version this provider targets.
     *
     * <pre>{@code
     * provider.getRequestedApiVersion(); // "2.0.99"
     * }</pre>
     *
     * @return {@value #REQUESTED_API_VERSION}
     */
    @Override
    public String getRequestedApiVersion() {
        return REQUESTED_API_VERSION;
    }
}
