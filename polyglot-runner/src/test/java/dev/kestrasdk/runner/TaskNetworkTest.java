package dev.kestrasdk.runner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import dev.kestrasdk.runner.sandbox.RunProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.kestrasdk.runner.TestLanguages.PYTHON;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The network in the task profile (issue 18, item 3): Python's socket, urllib, http.client and ssl against HTTP and
 * HTTPS servers this test starts on 127.0.0.1, never the internet. The HTTPS server's certificate is made here with
 * the JDK's keytool and trusted through {@code SSL_CERT_FILE} (docs/python.md, "Network").
 */
class TaskNetworkTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    @TempDir
    static Path keys;
    private static LoopbackServers servers;
    private static HttpServer http;
    private static HttpsServer https;
    private static Path caFile;

    @BeforeAll
    static void startServers() throws Exception {
        servers = LoopbackServers.start(keys, "ip:127.0.0.1,dns:localhost", TaskNetworkTest::answer);
        http = servers.http;
        https = servers.https;
        caFile = servers.caFile;
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    /** Echoes the method, the path and the body: "GET /hello ", "POST /rows 3 rows". */
    private static void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        byte[] reply = (exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + body)
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    private static ScriptResult task(String script, Map<String, String> environment) {
        return runner.run(ScriptRequest.ofText(PYTHON, script).withProfile(RunProfile.TASK).withEnvironment(environment));
    }

    @Test
    void pythonTalksHttpThroughUrllibHttpClientAndARawSocket() {
        int port = http.getAddress().getPort();
        ScriptResult result = task("""
                import http.client, socket, urllib.request
                port = int(__import__('os').environ['PORT'])
                with urllib.request.urlopen(f'http://127.0.0.1:{port}/hello') as r:
                    print('urllib', r.status, r.read().decode())
                conn = http.client.HTTPConnection('127.0.0.1', port)
                conn.request('POST', '/rows', body='3 rows')
                answer = conn.getresponse()
                print('http.client', answer.status, answer.read().decode())
                with socket.create_connection(('127.0.0.1', port)) as s:
                    s.sendall(b'GET /raw HTTP/1.0\\r\\nHost: 127.0.0.1\\r\\n\\r\\n')
                    data = b''
                    while chunk := s.recv(4096):
                        data += chunk
                print('socket', data.split(b'\\r\\n')[0].decode(), data.split(b'\\r\\n\\r\\n', 1)[1].decode())
                """, Map.of("PORT", String.valueOf(port)));
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        assertEquals(List.of("urllib 200 GET /hello ", "http.client 200 POST /rows 3 rows",
                "socket HTTP/1.1 200 OK GET /raw "), result.stdout());
    }

    @Test
    void pythonTalksHttpsWithTheTestCertificateTrustedThroughSslCertFile() {
        String script = """
                import os, ssl, urllib.request, urllib.error
                url = f"https://127.0.0.1:{os.environ['PORT']}/secure"
                try:
                    with urllib.request.urlopen(url) as r:
                        print('https', r.status, r.read().decode())
                except urllib.error.URLError as e:
                    print('refused', type(e.reason).__name__, getattr(e.reason, 'verify_code', None))
                """;
        String port = String.valueOf(https.getAddress().getPort());
        ScriptResult trusted = task(script, Map.of("PORT", port, "SSL_CERT_FILE", caFile.toString()));
        assertEquals(ScriptStatus.SUCCESS, trusted.status(), () -> String.valueOf(trusted.failure()));
        assertEquals(List.of("https 200 GET /secure "), trusted.stdout());
        ScriptResult untrusted = task(script, Map.of("PORT", port));
        assertEquals(ScriptStatus.SUCCESS, untrusted.status(), () -> String.valueOf(untrusted.failure()));
        assertEquals(List.of("refused SSLCertVerificationError 1"), untrusted.stdout());
    }

    @Test
    void theSandboxProfileRefusesTheSameRequest() {
        ScriptResult result = runner.run(ScriptRequest.ofText(PYTHON, """
                import urllib.request
                urllib.request.urlopen('http://127.0.0.1:%d/hello')
                """.formatted(http.getAddress().getPort())));
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals("URLError: <urlopen error kestra-sdk sandbox: network access is not allowed (socket.getaddrinfo)"
                + " in the sandbox profile (run without --sandbox, or with RunProfile.TASK)> (line 2)", result.failure().describe());
    }
}
