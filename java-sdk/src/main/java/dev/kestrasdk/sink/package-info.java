/**
 * Where complete protocol lines go: {@link dev.kestrasdk.sink.LineSink} and its implementations, and {@link
 * dev.kestrasdk.sink.LineSinkProvider}, which plugs a default sink into the facade.
 */
package dev.kestrasdk.sink;
