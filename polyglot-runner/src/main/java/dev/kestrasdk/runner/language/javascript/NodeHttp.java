package dev.kestrasdk.runner.language.javascript;

import dev.kestrasdk.runner.json.ToolJson;
import org.graalvm.polyglot.HostAccess;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The host side of Node's {@code http}/{@code https} clients and of {@code fetch} ({@code node/http.js}): one HTTP
 * exchange with the JDK's {@link HttpClient} (HTTP/1.1, redirects not followed: {@code http.request} does not follow
 * them and {@code fetch} follows them itself). Only made for a script whose sandbox allows the network
 * ({@link NodeBuiltins}). Bytes cross as Latin-1 strings, as in {@link NodeFiles}; the answer is JSON, or
 * {@code {"error": {code, message}}} with Node's codes ({@code ECONNREFUSED}, {@code ETIMEDOUT}, {@code ENOTFOUND}).
 */
public final class NodeHttp {
    /** Headers the JDK's client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build();

    /**
     * @param headersJson {@code [[name, value], ...]}
     * @param body        the request body, one char per byte, or {@code null}
     * @param timeoutMs   0 for none
     */
    @HostAccess.Export
    public String exchange(String method, String url, String headersJson, String body, double timeoutMs) {
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
            @SuppressWarnings("unchecked")
            List<List<Object>> headers = (List<List<Object>>) ToolJson.read(headersJson);
            for (List<Object> header : headers) {
                String name = String.valueOf(header.get(0));
                if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    request.header(name, String.valueOf(header.get(1)));
                }
            }
            if (timeoutMs > 0) {
                request.timeout(Duration.ofMillis((long) timeoutMs));
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.ISO_8859_1)));
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            List<List<String>> responseHeaders = new ArrayList<>();
            response.headers().map().forEach((name, values) -> {
                if (!name.equals(":status")) {
                    values.forEach(v -> responseHeaders.add(List.of(name, v)));
                }
            });
            answer.put("status", response.statusCode());
            answer.put("headers", responseHeaders);
            answer.put("url", response.uri().toString());
            answer.put("body", new String(response.body(), StandardCharsets.ISO_8859_1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.put("error", error("ECONNABORTED", "the request was interrupted"));
        } catch (IllegalArgumentException e) {
            answer.put("error", error("ERR_INVALID_URL", "Invalid URL: " + url + " (" + e.getMessage() + ")"));
        } catch (HttpTimeoutException e) {
            answer.put("error", error("ETIMEDOUT", "request to " + url + " timed out"));
        } catch (ConnectException e) {
            answer.put("error", error("ECONNREFUSED", "connect ECONNREFUSED " + hostAndPort(url)));
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            boolean unknownHost = e.getCause() instanceof java.nio.channels.UnresolvedAddressException
                    || e instanceof java.net.UnknownHostException;
            answer.put("error", unknownHost ? error("ENOTFOUND", "getaddrinfo ENOTFOUND " + URI.create(url).getHost())
                    : error("ECONNRESET", message));
        }
        return ToolJson.write(answer);
    }

    private static String hostAndPort(String url) {
        URI uri = URI.create(url);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    private static Map<String, String> error(String code, String message) {
        return Map.of("code", code, "message", message);
    }
}
