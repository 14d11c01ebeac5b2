package dev.kestrasdk.conformance.adapter;

import dev.kestrasdk.conformance.harness.AdapterProcess;
import dev.kestrasdk.conformance.vectors.Call;
import dev.kestrasdk.conformance.vectors.CallPlayer;
import dev.kestrasdk.runner.json.ToolJson;
import dev.kestrasdk.conformance.vectors.VectorCase;
import dev.kestrasdk.conformance.vectors.Vectors;
import dev.kestrasdk.emit.Emitter;
import dev.kestrasdk.sink.StreamSink;
import dev.kestrasdk.wire.WireFormatException;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conformance adapter of this project's Java SDK (docs/conformance.md): reads one request per line on
 * standard input, makes the calls on an {@link Emitter} that writes to standard output, and prints the case's
 * status line. Run as {@code java -cp <class path> dev.kestrasdk.conformance.adapter.JavaSdkAdapter}.
 */
public final class JavaSdkAdapter {
    private JavaSdkAdapter() {
    }

    public static void main(String[] args) throws IOException {
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        Emitter emitter = new Emitter(new StreamSink(out)); // large-line warnings go to stderr, as in a script
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> status = handle(line, emitter);
            byte[] bytes = (AdapterProcess.STATUS_PREFIX + ToolJson.write(status) + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (out) { // the lock StreamSink writes under
                out.write(bytes);
                out.flush();
            }
        }
    }

    /** Makes one request's calls; returns its status object. */
    static Map<String, Object> handle(String request, Emitter emitter) {
        Map<String, Object> status = new LinkedHashMap<>();
        String id = null;
        List<Call> calls;
        try {
            Map<?, ?> r = (Map<?, ?>) ToolJson.readExact(request);
            id = (String) r.get("case");
            status.put("case", id);
            calls = decode(id, ToolJson.write(r.get("calls")));
        } catch (RuntimeException e) {
            status.putIfAbsent("case", id);
            status.put("status", "error");
            status.put("kind", "OTHER");
            status.put("message", "the adapter cannot read the request: " + e.getMessage());
            return status;
        }
        for (Call call : calls) {
            try {
                CallPlayer.make(call, emitter);
            } catch (WireFormatException e) {
                status.put("status", "error");
                status.put("kind", e.kind().name());
                status.put("message", e.getMessage());
                return status;
            } catch (UnsupportedOperationException e) {
                status.put("status", "unsupported");
                status.put("reason", e.getMessage());
                return status;
            } catch (RuntimeException e) {
                status.put("status", "error");
                status.put("kind", "OTHER");
                status.put("message", e.getClass().getName() + ": " + e.getMessage());
                return status;
            }
        }
        status.put("status", "ok");
        return status;
    }

    /** The calls of a request, decoded to Java values by the vectors' own loader. */
    private static List<Call> decode(String id, String callsJson) {
        Map<String, Object> kase = new LinkedHashMap<>();
        kase.put("id", id);
        kase.put("description", "request");
        kase.put("calls", ToolJson.readExact(callsJson));
        String file = ToolJson.write(List.of(Map.of("description", "request", "cases", List.of(kase))));
        VectorCase c = Vectors.parse("request " + id, file, false).get(0);
        return c.calls();
    }
}
