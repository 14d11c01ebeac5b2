/**
 * The facade scripts call: {@link dev.kestrasdk.Kestra}, static verbs that print one Kestra protocol line
 * each.
 */
package dev.kestrasdk;
