package dev.kestrasdk.runner.language.javascript;

import dev.kestrasdk.runner.sandbox.RunProfile;
import dev.kestrasdk.runner.sandbox.SandboxPolicy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Node's built-in modules as scripts get them: where each one's source is ({@link NodeLibraries}), or why it is
 * refused. In the {@link RunProfile#TASK task} profile every module the runner has is there; the
 * {@link RunProfile#SANDBOX sandbox} profile is the closed policy as it was, whatever its {@link SandboxPolicy} opens:
 * no {@code fs} (a script reads its files with {@code require}/{@code import} only), no {@code http}, {@code https},
 * {@code net} or {@code fetch}. Modules that start processes or threads or serve are refused in every profile. A
 * refusal is an {@code Error} with code {@code ERR_ACCESS_DENIED} (as Node's permission model) saying what was
 * refused, in which profile, and what opens it.
 */
final class NodeBuiltins {
    private static final String PROCESSES = "starting processes is not allowed";
    private static final String NETWORK = "network access is not allowed";
    private static final String FILES = "Node's file API is not available: a script reads files below its working "
            + "directory with require/import only, and writes none";
    private static final String THREADS = "threads are not allowed";
    private static final String MISSING = "Node's built-in modules are not available to scripts";
    /** Where a refusal happened and what opens it, as the other sandbox refusals say it. */
    private static final String IN_SANDBOX = " in the sandbox profile (run without --sandbox, or with RunProfile.TASK)";

    /** Each module's entry, resolved from {@link NodeLibraries#ROOT}: an npm package there, or the runner's own. */
    private static final Map<String, String> ENTRIES = entries();
    private static final Map<String, String> ALWAYS_REFUSED = alwaysRefused();
    private static final Set<String> FILE_MODULES = Set.of("fs", "fs/promises");
    private static final Set<String> NETWORK_MODULES = Set.of("http", "https", "net");

    private final RunProfile profile;

    NodeBuiltins(RunProfile profile) {
        this.profile = profile;
    }

    private static Map<String, String> entries() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("path", "path-browserify");
        m.put("path/posix", "path-browserify");
        m.put("events", "events");
        m.put("buffer", "buffer");
        m.put("string_decoder", "string_decoder");
        m.put("querystring", "querystring-es3");
        m.put("punycode", "punycode");
        for (String own : new String[]{"assert", "assert/strict", "crypto", "fs", "fs/promises", "http", "https", "net", "os",
                "process", "stream", "stream/promises", "timers", "timers/promises", "url", "util", "util/types", "zlib"}) {
            m.put(own, "./lib/" + own.replace('/', '_') + ".js");
        }
        return m;
    }

    private static Map<String, String> alwaysRefused() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("child_process", PROCESSES);
        m.put("cluster", PROCESSES);
        m.put("worker_threads", THREADS);
        for (String name : new String[]{"http2", "dgram", "dns", "tls", "inspector"}) {
            m.put(name, NETWORK);
        }
        for (String name : new String[]{"vm", "v8", "module", "repl", "perf_hooks", "async_hooks", "readline", "tty"}) {
            m.put(name, MISSING);
        }
        return m;
    }

    /** Whether Node has a built-in module of this name (without {@code node:}), refused here or not. */
    static boolean isBuiltin(String name) {
        return ENTRIES.containsKey(name) || ALWAYS_REFUSED.containsKey(name);
    }

    /** Why this script may not load the module, or {@code null} when it may. */
    String refusal(String name) {
        String reason = ALWAYS_REFUSED.get(name);
        if (reason != null) {
            return "kestra-sdk sandbox: require('" + name + "'): " + reason + " (in every kestra-sdk profile: the runner"
                    + " has no Node process, thread or server API; run such a script with Node, as a process)";
        }
        if (profile == RunProfile.TASK) {
            return null;
        }
        if (FILE_MODULES.contains(name)) {
            reason = FILES + IN_SANDBOX;
        } else if (NETWORK_MODULES.contains(name)) {
            reason = NETWORK + IN_SANDBOX;
        }
        return reason == null ? null : "kestra-sdk sandbox: require('" + name + "'): " + reason;
    }

    /** The module's entry as a specifier resolved from {@link NodeLibraries#ROOT}, or null. */
    static String entry(String name) {
        return ENTRIES.get(name);
    }
}
