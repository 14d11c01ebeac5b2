/**
 * {@link dev.kestrasdk.wire.WireFormatException}, thrown by every verb for a value that cannot be written;
 * the encoder itself is not part of the API.
 */
package dev.kestrasdk.wire;
