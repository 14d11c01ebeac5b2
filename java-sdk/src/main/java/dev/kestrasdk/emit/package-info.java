/**
 * The verbs bound to a sink: {@link dev.kestrasdk.emit.Emitter} for code that passes them around or writes
 * to its own sink, and its {@link dev.kestrasdk.emit.KestraLogger}.
 */
package dev.kestrasdk.emit;
