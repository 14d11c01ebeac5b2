package dev.kestrasdk.runner;

/** The two console streams of a script. */
public enum ConsoleStream {
    STDOUT, STDERR
}
