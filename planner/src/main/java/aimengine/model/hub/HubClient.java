package aimengine.model.hub;

import aimengine.io.Lazy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;

/**
 * Reads small documents from the Hugging Face Hub: a file of a model's main revision, or the model info. The token
 * goes only to the Hub's own address: a redirect elsewhere (a CDN) is followed without it. Answers larger than
 * {@value #MAX_BYTES} bytes are refused (config.json and the model info are kilobytes).
 */
public final class HubClient {
    static final int MAX_BYTES = 8 * 1024 * 1024;
    private static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HubSettings settings;
    /*
     * Made on first use, not with the client: most plans never ask the Hub, and an HttpClient costs them its TLS set-up
     * and a selector thread that waits in native code, which makes the JVM's exit wait ~300 ms for it.
     */
    private final Lazy<HttpClient> http;

    public HubClient(HubSettings settings) {
        this.settings = settings;
        this.http = Lazy.of(() -> HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /**
     * @param model the model id, for messages
     * @param path  the path below the endpoint, already encoded, e.g. "/Qwen/Qwen3-8B/resolve/main/config.json"
     * @param what  what is asked for, for messages ("config.json")
     * @return the answer's text
     * @throws HubException UNAVAILABLE for 401, 403 and 404, FAILED for anything else that is not a 200
     */
    public String get(String model, String path, String what) {
        URI uri = URI.create(settings.endpoint() + path);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.timeout()).GET()
                    .header("User-Agent", "aim-engine");
            if (settings.token() != null && sameOrigin(uri)) {
                request.header("Authorization", "Bearer " + settings.token());
            }
            HttpResponse<InputStream> response;
            try {
                response = http.get().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException e) {
                throw failed(model + ": the Hub at " + settings.endpoint() + " did not answer within "
                        + java.math.BigDecimal.valueOf(settings.timeout().toMillis(), 3).stripTrailingZeros().toPlainString()
                        + " s (asking for " + what + ")");
            } catch (IOException e) {
                throw failed(model + ": cannot reach the Hub at " + settings.endpoint() + " (" + describe(e)
                        + "); set HF_ENDPOINT, or HF_HUB_OFFLINE=1 to plan from the cache and the catalog only");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed(model + ": interrupted while asking the Hub for " + what);
            }
            int status = response.statusCode();
            if (status == 200) {
                return body(response, model, what);
            }
            discard(response);
            if (REDIRECTS.contains(status) && response.headers().firstValue("Location").isPresent()) {
                uri = uri.resolve(response.headers().firstValue("Location").get());
                continue;
            }
            throw refused(status, model, what);
        }
        throw failed(model + ": the Hub redirected more than " + MAX_REDIRECTS + " times asking for " + what);
    }

    private boolean sameOrigin(URI uri) {
        URI e = settings.endpoint();
        return Objects.equals(e.getScheme(), uri.getScheme()) && Objects.equals(e.getHost(), uri.getHost())
                && e.getPort() == uri.getPort();
    }

    private HubException refused(int status, String model, String what) {
        boolean token = settings.token() != null;
        return switch (status) {
            case 401 -> new HubException(HubException.Kind.UNAVAILABLE, token
                    ? model + ": the Hub refuses the token in HF_TOKEN (401): it is invalid or expired"
                    : model + ": the Hub shows this model only with a token (401): it is gated or private, or does"
                    + " not exist; set HF_TOKEN to a token with access");
            case 403 -> new HubException(HubException.Kind.UNAVAILABLE, model + ": the model is gated (403) and "
                    + (token ? "the account of HF_TOKEN has not been granted access" : "no HF_TOKEN is set")
                    + "; request access at " + settings.endpoint() + "/" + model);
            case 404 -> new HubException(HubException.Kind.UNAVAILABLE, model + ": the Hub at " + settings.endpoint()
                    + " has no such model (404); check the name");
            default -> failed(model + ": the Hub at " + settings.endpoint() + " answered HTTP " + status
                    + " asking for " + what + (status == 429 ? " (too many requests; try again later)" : ""));
        };
    }

    private static String body(HttpResponse<InputStream> response, String model, String what) {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw failed(model + ": the Hub's " + what + " is larger than " + MAX_BYTES / (1024 * 1024)
                        + " MiB; that is not a model's " + what);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failed(model + ": reading the Hub's " + what + " failed (" + describe(e) + ")");
        }
    }

    private static void discard(HttpResponse<InputStream> response) {
        try (InputStream ignored = response.body()) {
            // closing releases the connection
        } catch (IOException ignored) {
            // nothing was wanted from it
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("");
    }

    private static HubException failed(String message) {
        return new HubException(HubException.Kind.FAILED, message);
    }
}
