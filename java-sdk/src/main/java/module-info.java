/**
 * Kestra's {@code ::{...}::} script protocol for the JVM: {@link dev.kestrasdk.Kestra}, the verbs a script
 * calls to report outputs, metrics, logs and assets, and {@link dev.kestrasdk.parse.LineParser}, which reads
 * such lines as Kestra 1.3 does.
 *
 * <p>Only the API packages are exported. The canonical encoder ({@code dev.kestrasdk.internal.wire}) is not:
 * it may change in any release. This repository's own modules run on the class path, where the module
 * boundary does not apply, and use it directly where no API does the job:
 * <ul>
 *   <li>polyglot-runner: {@code DeferredError} and {@code WireEncoder.MAX_NESTING} to convert guest values
 *       with the Java SDK's error order, {@code WireEncoder.metricLine} to check a timed call's name before
 *       its body runs, {@code WireEncoder.outputsLine} to encode script inputs, {@code RecordingSink} for the
 *       console that takes each SDK line with what Kestra reads from it ({@code ReadBack});</li>
 *   <li>cli: {@code WireEncoder.json}, {@code WireEncoder.jsonDocument} (the {@code run --json} result) and
 *       {@code CanonicalNumbers} for the JSON and text summaries of
 *       {@code run} and {@code parse};</li>
 *   <li>conformance-tests: {@code WireEncoder} for the binding adapter's status line and the encoder's own
 *       checks against Kestra, {@code CanonicalNumbers} in the guest-value checks.</li>
 * </ul>
 * A qualified export would not reach them (they are not named modules), so this list is the record.
 *
 * @uses dev.kestrasdk.sink.LineSinkProvider the default sink of the {@code Kestra} facade
 */
module dev.kestrasdk {
    requires com.fasterxml.jackson.core;
    requires transitive java.logging; // KestraJulHandler extends java.util.logging.Handler

    exports dev.kestrasdk;
    exports dev.kestrasdk.emit;
    exports dev.kestrasdk.parse;
    exports dev.kestrasdk.protocol;
    exports dev.kestrasdk.sink;
    exports dev.kestrasdk.wire;

    uses dev.kestrasdk.sink.LineSinkProvider;
}
