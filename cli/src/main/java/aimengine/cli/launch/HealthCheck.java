package aimengine.cli.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One health check of an OpenAI-compatible engine: {@code GET /health} must answer 200 (vLLM and SGLang answer
 * 503 or refuse the connection while loading), then {@code GET /v1/models} must list what it serves.
 */
public final class HealthCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;
    private final Duration requestTimeout;
    private final String apiKey;

    /** @param apiKey the key the engine's API requires (sent as a bearer token, as vLLM and SGLang expect), or null */
    public HealthCheck(Duration requestTimeout, String apiKey) {
        this.apiKey = apiKey;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requestTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = requestTimeout;
    }

    /** @return the served model ids when both checks pass; empty while the engine is not ready */
    public Optional<List<String>> check(URI base) throws InterruptedException {
        try {
            HttpResponse<Void> health = client.send(get(base.resolve("/health")), HttpResponse.BodyHandlers.discarding());
            if (health.statusCode() != 200) {
                return Optional.empty();
            }
            HttpResponse<String> models = client.send(get(base.resolve("/v1/models")), HttpResponse.BodyHandlers.ofString());
            return models.statusCode() == 200 ? Optional.of(modelIds(models.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private HttpRequest get(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET();
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        return b.build();
    }

    /** The ids in an OpenAI model list ({"data": [{"id": ...}]}); empty when the body is not one. */
    static List<String> modelIds(String body) {
        List<String> ids = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null) {
                root.path("data").forEach(m -> {
                    if (m.path("id").isTextual()) {
                        ids.add(m.path("id").asText());
                    }
                });
            }
        } catch (IOException e) {
            return ids;
        }
        return ids;
    }
}
