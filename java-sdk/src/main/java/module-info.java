/**
 * Kestra's {@code ::{...}::} script protocol for the JVM: {@link dev.kestrasdk.Kestra}, the verbs a script
 * calls to report outputs, metrics, logs and assets, and {@link dev.kestrasdk.parse.LineParser}, which reads
 * such lines as Kestra 1.3 does.
 *
 * <p>Only the API packages are exported. The canonical encoder ({@code dev.kestrasdk.internal.wire}) is not:
 * it may change in any release. This repository's own modules run on the class path, where the module
 * boundary does not apply, and some of them use the encoder directly: polyglot-runner (converting guest
 * values, encoding script inputs), conformance-tests (the Java SDK adapter and the vector checks) and cli
 * (the summaries of {@code run} and {@code parse}).
 *
 * @uses dev.kestrasdk.sink.LineSinkProvider the default sink of the {@code Kestra} facade
 */
module dev.kestrasdk {
    requires com.fasterxml.jackson.core;

    exports dev.kestrasdk;
    exports dev.kestrasdk.emit;
    exports dev.kestrasdk.parse;
    exports dev.kestrasdk.protocol;
    exports dev.kestrasdk.sink;
    exports dev.kestrasdk.wire;

    uses dev.kestrasdk.sink.LineSinkProvider;
}
