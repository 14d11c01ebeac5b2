package dev.kestrasdk.runner.bindings;

import dev.kestrasdk.emit.Emitter;

/**
 * The SDK emitters of one script: one writing into its stdout (all verbs), one into its stderr (logs at WARN and
 * ERROR, where Kestra's Python and Node libraries send them).
 */
public record ScriptEmitters(Emitter stdout, Emitter stderr) {
}
