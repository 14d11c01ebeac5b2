package dev.kestrasdk.runner.language.javascript;

import dev.kestrasdk.runner.engine.VirtualFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Node's built-in modules, which GraalJS outside Node does not have: {@code require('child_process')} and
 * {@code import fs from 'fs'} load a stub served from memory that throws an {@code Error} (code
 * {@code ERR_ACCESS_DENIED}, as Node's permission model) saying what the sandbox refuses, instead of GraalJS's
 * bare "Cannot load module". Wired with {@code js.commonjs-core-modules-replacements}.
 */
final class NodeBuiltinStubs implements VirtualFiles {
    private static final Path FOLDER = Path.of("/__kestra_sdk_sandbox__/node");
    private static final String PROCESSES = "starting processes is not allowed";
    private static final String NETWORK = "network access is not allowed";
    private static final String FILES = "Node's file API is not available: a script reads files below its working "
            + "directory with require/import only, and writes none";
    private static final String THREADS = "threads are not allowed";
    private static final Map<String, String> REFUSALS = refusals();
    private static final Map<String, byte[]> FILES_BY_NAME = REFUSALS.entrySet().stream().collect(Collectors.toMap(
            e -> e.getKey() + ".cjs", e -> stub(e.getKey(), e.getValue()).getBytes(StandardCharsets.UTF_8)));

    private static Map<String, String> refusals() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("child_process", PROCESSES);
        m.put("cluster", PROCESSES);
        for (String name : new String[]{"net", "http", "https", "http2", "dgram", "dns", "tls", "inspector"}) {
            m.put(name, NETWORK);
        }
        m.put("fs", FILES);
        m.put("fs/promises", FILES);
        m.put("worker_threads", THREADS);
        for (String name : new String[]{"os", "vm", "v8", "module", "process", "repl", "perf_hooks", "async_hooks"}) {
            m.put(name, "Node's built-in modules are not available to scripts");
        }
        return m;
    }

    /** The value of {@code js.commonjs-core-modules-replacements}. */
    static String replacements() {
        return REFUSALS.keySet().stream().filter(n -> !n.contains("/"))
                .map(n -> n + ":" + FOLDER.resolve(n + ".cjs")).collect(Collectors.joining(","));
    }

    private static String stub(String module, String refusal) {
        String message = "kestra-sdk sandbox: require('" + module + "'): " + refusal;
        return "const e = new Error(" + quote(message) + ");\ne.code = 'ERR_ACCESS_DENIED';\nthrow e;\n";
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public byte[] file(Path path) {
        return FOLDER.equals(path.getParent()) ? FILES_BY_NAME.get(path.getFileName().toString()) : null;
    }

    @Override
    public boolean isDirectory(Path path) {
        return FOLDER.startsWith(path) && path.getNameCount() > 0;
    }
}
