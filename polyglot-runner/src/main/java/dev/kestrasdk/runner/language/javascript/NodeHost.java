package dev.kestrasdk.runner.language.javascript;

import org.graalvm.polyglot.HostAccess;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The host side of the runner's CommonJS loader ({@code modules.js}): Node's resolution ({@link NodeResolver}), the
 * text of a module file, and which built-in modules the script may load ({@link NodeBuiltins}). Everything goes
 * through the script's file system, so the loader reads exactly what the sandbox lets the script read.
 */
public final class NodeHost {
    private final NodeResolver resolver;
    private final NodeBuiltins builtins;
    private final NodeFiles files;
    private NodeHttp http;
    private final NodeCrypto crypto = new NodeCrypto();

    NodeHost(NodeResolver resolver, NodeBuiltins builtins, org.graalvm.polyglot.io.FileSystem fileSystem) {
        this.resolver = resolver;
        this.builtins = builtins;
        this.files = new NodeFiles(fileSystem);
    }

    /** The host side of {@code http}, {@code https} and {@code fetch}, made on first use. */
    @HostAccess.Export
    public NodeHttp http() {
        if (builtins.refusal("http") != null) {
            throw new SecurityException(builtins.refusal("http"));
        }
        if (http == null) {
            http = new NodeHttp();
        }
        return http;
    }

    /** The host side of {@code crypto} and {@code zlib}. */
    @HostAccess.Export
    public NodeCrypto crypto() {
        return crypto;
    }

    /** The host side of {@code fs}; loading {@code fs} itself is refused unless the sandbox allows writing. */
    @HostAccess.Export
    public NodeFiles files() {
        return files;
    }

    /**
     * {@code ok:FORMAT:PATH} (FORMAT one of {@link NodeResolver.Format}; a built-in's name for {@code BUILTIN}) or
     * {@code error:CODE:MESSAGE}: one string, which the loader splits, so no host object reaches the script.
     */
    @HostAccess.Export
    public String resolve(String specifier, String fromDirectory, boolean esm) {
        try {
            NodeResolver.Resolved r = resolver.resolve(specifier, Path.of(fromDirectory), esm);
            return "ok:" + r.format() + ":" + (r.builtin() != null ? r.builtin() : r.file().toString());
        } catch (NodeResolver.ResolveException e) {
            return "error:" + e.code + ":" + e.getMessage();
        }
    }

    @HostAccess.Export
    public String readText(String path) throws IOException {
        return resolver.text(Path.of(path));
    }

    /** Why the script may not load this built-in module, or {@code null}. */
    @HostAccess.Export
    public String refusal(String name) {
        return builtins.refusal(name);
    }

    /** What {@code os} tells of the machine, as JSON: the JVM's view, no user or host name. */
    @HostAccess.Export
    public String osInfo() {
        Runtime runtime = Runtime.getRuntime();
        String arch = System.getProperty("os.arch", "");
        return dev.kestrasdk.runner.json.ToolJson.write(java.util.Map.of(
                "arch", arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") ? "arm64" : arch,
                "release", System.getProperty("os.version", ""),
                "cpus", runtime.availableProcessors(),
                "totalmem", runtime.maxMemory(),
                "freemem", runtime.maxMemory() - runtime.totalMemory() + runtime.freeMemory(),
                "uptime", java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0,
                "homedir", "/home/kestra"));
    }

    /** {@code process.memoryUsage()}: the JVM's heap, which all scripts share, in Node's shape. */
    @HostAccess.Export
    public String memoryUsage() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        return dev.kestrasdk.runner.json.ToolJson.write(java.util.Map.of("rss", runtime.totalMemory(),
                "heapTotal", runtime.totalMemory(), "heapUsed", used, "external", 0, "arrayBuffers", 0));
    }

    /** The file a built-in module is loaded from. */
    @HostAccess.Export
    public String builtinEntry(String name) {
        try {
            return resolver.resolveFile(NodeBuiltins.entry(name), NodeLibraries.ROOT, false).file().toString();
        } catch (NodeResolver.ResolveException e) {
            throw new IllegalStateException("kestra-sdk: the built-in module " + name + " is missing from the runner: "
                    + e.getMessage(), e);
        }
    }
}
