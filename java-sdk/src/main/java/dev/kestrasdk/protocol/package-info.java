/**
 * The values a protocol line carries: the metric types and log levels the SDK emits, and what Kestra takes
 * from an accepted line ({@link dev.kestrasdk.protocol.Message}).
 */
package dev.kestrasdk.protocol;
