package dev.kestrasdk.cli;

import dev.kestrasdk.runner.process.Launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The corpus's loopback stand-ins (examples/real-world/standins/*.py), the same servers its native readings were
 * made against: each started once with {@code python3 SERVER 0}, on 127.0.0.1 and a free port, which it prints
 * first. CPython is already a requirement of {@code ./test} (the conformance peers).
 */
final class CorpusStandins implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    private final Path corpus;
    private final Map<String, Process> servers = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    CorpusStandins(Path corpus) {
        this.corpus = corpus;
    }

    /** The port of the stand-in {@code server} (a path below the corpus, {@code standins/docker_hub.py}), started if need be. */
    synchronized int port(String server) throws IOException {
        Integer port = ports.get(server);
        if (port != null) {
            return port;
        }
        Process p = Launch.of("python3", corpus.resolve(server).toString(), "0").builder().redirectErrorStream(true).start();
        servers.put(server, p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        Matcher m = LISTENING.matcher(first == null ? "" : first);
        if (!m.find()) {
            throw new IOException("the stand-in " + server + " did not start: " + first);
        }
        ports.put(server, Integer.parseInt(m.group(1)));
        return ports.get(server);
    }

    @Override
    public synchronized void close() {
        servers.values().forEach(Process::destroy);
    }
}
