/**
 * Reading a script's output as Kestra 1.3 reads it: {@link dev.kestrasdk.parse.LineParser} for one line,
 * {@link dev.kestrasdk.parse.ReportCollector} for a whole run, and {@link dev.kestrasdk.parse.Kestra13},
 * the model of what that Kestra version accepts.
 */
package dev.kestrasdk.parse;
