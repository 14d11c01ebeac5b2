package dev.kestrasdk.runner.bindings;

import dev.kestrasdk.emit.Emitter;

import java.io.OutputStream;

/**
 * The SDK emitters of one script: one writing into its stdout (all verbs), one into its stderr (logs at WARN and
 * ERROR, where Kestra's Python and Node libraries send them); and the two console streams themselves, for
 * guest APIs that write raw text (JavaScript's {@code process.stdout.write}).
 */
public record ScriptEmitters(Emitter stdout, Emitter stderr, OutputStream stdoutStream, OutputStream stderrStream) {
}
