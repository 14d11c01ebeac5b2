package dev.kestrasdk.runner;

import java.util.Map;

/**
 * The environment variables of the process a run is done for: this JVM's own, or, in kestra-sdk's warm runner (a
 * long-lived process serving one command at a time), those of the command that sent the run, set for that run
 * only. Whatever reads the host's variables for a script (the sandbox's {@code allowEnvironment}, the template's
 * {@code envs}) reads them here, so a warm run sees the same variables as a direct one.
 */
public final class HostEnvironment {
    private static volatile Map<String, String> caller;

    private HostEnvironment() {
    }

    /** The caller's variables while {@link #set} holds, else this process's. */
    public static Map<String, String> get() {
        Map<String, String> c = caller;
        return c != null ? c : System.getenv();
    }

    /** From now until {@link #clear}, runs see {@code environment} as the host's (one run at a time). */
    public static void set(Map<String, String> environment) {
        caller = Map.copyOf(environment);
    }

    public static void clear() {
        caller = null;
    }
}
