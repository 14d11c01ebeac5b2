package dev.kestrasdk.runner;

/**
 * Sees each console line of a running script as soon as it is complete, for example to echo it live from a
 * command line tool. Called on the script's thread, in the order the lines were written; it must not block long.
 */
@FunctionalInterface
public interface ConsoleListener {
    ConsoleListener NONE = (stream, line) -> { };

    /** @param line the line's text, decoded as UTF-8, without its terminator */
    void line(ConsoleStream stream, String line);
}
