package dev.kestrasdk.conformance.harness;

import dev.kestrasdk.runner.process.Launch;

import java.util.List;

/**
 * How to start an adapter, and how reports show it. The shipped adapters are argument lists; an adapter a user
 * names with {@code --sdk 'COMMAND'} is that user's shell command line, run as given by {@code bash -c} (it may
 * hold {@code cd dir &&} or redirections; the harness adds no quoting of its own).
 *
 * @param launch  the process to start
 * @param display the command in messages and reports
 */
public record AdapterCommand(Launch launch, String display) {

    /** An adapter started from an argument list. */
    public static AdapterCommand of(List<String> command) {
        Launch launch = Launch.of(command);
        return new AdapterCommand(launch, launch.display());
    }

    /** A user's shell command line, as typed. */
    public static AdapterCommand shell(String commandLine) {
        return new AdapterCommand(Launch.of("bash", "-c", commandLine), commandLine);
    }
}
