package dev.kestrasdk.runner.sandbox;

/**
 * What a script may do in the runner, as a whole (docs/runner.md, "Profiles").
 *
 * <ul>
 *   <li>{@link #TASK}: what a script may do under Kestra's process runner: the network, reading and writing files
 *       wherever its user may (the languages' own files excepted), threads, starting processes, GraalPy's native
 *       standard-library modules; never host (Java) classes. It trusts the script as Kestra does: with native
 *       access a script can reach anything its user can, so this profile's limits are conveniences, not a
 *       security boundary. The command line's default.</li>
 *   <li>{@link #SANDBOX}: the closed policy, the boundary for other people's code: reading below the working
 *       directory and nothing else, unless a {@link SandboxPolicy} opens writing, the environment or threads.
 *       The embedding API's default; {@code kestra-sdk run --sandbox}.</li>
 * </ul>
 */
public enum RunProfile {
    TASK("task"),
    SANDBOX("sandbox");

    private final String label;

    RunProfile(String label) {
        this.label = label;
    }

    /** The name messages and the command line use: {@code task}, {@code sandbox}. */
    public String label() {
        return label;
    }
}
