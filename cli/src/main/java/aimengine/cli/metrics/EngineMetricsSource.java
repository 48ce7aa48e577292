package aimengine.cli.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The engine's own Prometheus exposition ({@code GET /metrics}, text format 0.0.4: vLLM always, SGLang with
 * --enable-metrics). Empty while the engine is down or slow: its series are then simply absent.
 */
public final class EngineMetricsSource {
    private final HttpClient client;
    private final URI uri;
    private final Duration timeout;

    /** @param metricsPath where the engine serves its metrics (its profile says: /metrics) */
    public EngineMetricsSource(URI engineBase, String metricsPath, Duration timeout) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.uri = engineBase.resolve(metricsPath);
        this.timeout = timeout;
    }

    public Optional<String> fetch() {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Accept", "text/plain;version=0.0.4").GET().build();
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(withoutEof(r.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** An OpenMetrics "# EOF" would end the combined exposition early; the text format has none. */
    static String withoutEof(String body) {
        String b = body.strip();
        if (b.endsWith("# EOF")) {
            b = b.substring(0, b.length() - "# EOF".length()).strip();
        }
        return b.isEmpty() ? "" : b + "\n";
    }
}
