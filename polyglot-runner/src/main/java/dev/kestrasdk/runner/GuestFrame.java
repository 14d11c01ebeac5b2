package dev.kestrasdk.runner;

/**
 * One guest stack frame of a failure.
 *
 * @param function the guest's name for the function ({@code <module>}, {@code :program}, ...)
 * @param source   the source's name: the script's file name, or an internal module such as {@code kestra.py}
 * @param line     1-based line in that source
 */
public record GuestFrame(String function, String source, int line) {
}
