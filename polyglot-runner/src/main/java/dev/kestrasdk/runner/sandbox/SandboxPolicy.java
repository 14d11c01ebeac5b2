package dev.kestrasdk.runner.sandbox;

/**
 * What a script may do beyond the closed default. The default ({@link #CLOSED}) lets a script read files below
 * its working directory and nothing else: no writing, no environment variables but those the request gives, no threads; processes, the
 * network, native code, host classes and other languages are never allowed (run such a script as a process).
 *
 * <pre>{@code
 * ScriptRequest.ofFile(script).withSandbox(SandboxPolicy.CLOSED.allowWrite().allowEnvironment());
 * }</pre>
 *
 * @param environment scripts see the runner's own environment variables ({@code os.environ}, {@code process.env}),
 *                    with those of {@link dev.kestrasdk.runner.ScriptRequest#withEnvironment} laid over them;
 *                    without it they see only the latter
 * @param write       the script may create, change and delete files and folders below its working directory
 *                    (never outside it, never through a symbolic link leading out)
 * @param threads     Python scripts may start threads ({@code threading.Thread})
 */
public record SandboxPolicy(boolean environment, boolean write, boolean threads) {
    /** The default: read below the working directory, nothing else. */
    public static final SandboxPolicy CLOSED = new SandboxPolicy(false, false, false);

    public SandboxPolicy allowEnvironment() {
        return new SandboxPolicy(true, write, threads);
    }

    public SandboxPolicy allowWrite() {
        return new SandboxPolicy(environment, true, threads);
    }

    public SandboxPolicy allowThreads() {
        return new SandboxPolicy(environment, write, true);
    }

    /** Whether this is {@link #CLOSED}: contexts built ahead of time with the defaults fit it. */
    public boolean isClosed() {
        return equals(CLOSED);
    }

}
