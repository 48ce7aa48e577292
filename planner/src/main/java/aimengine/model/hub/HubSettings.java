package aimengine.model.hub;

import aimengine.io.InputException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach the Hugging Face Hub: {@code HF_ENDPOINT} (default the public Hub), {@code HF_TOKEN} sent as a bearer
 * token when set, and whether asking is allowed at all ({@code HF_HUB_OFFLINE=1} or aim-engine's {@code --offline}).
 * The token never appears in {@link #toString()} or in any message.
 *
 * @param endpoint      the Hub's base address, without a trailing slash
 * @param token         the access token, or null
 * @param offlineReason why the Hub may not be asked ("HF_HUB_OFFLINE=1", "--offline"), or null when it may
 * @param timeout       the longest wait for the connection and for each answer
 */
public record HubSettings(URI endpoint, String token, String offlineReason, Duration timeout) {
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * @param env          the process environment
     * @param offlineFlag  whether the user gave --offline
     * @throws InputException when HF_ENDPOINT is not an http(s) address
     */
    public static HubSettings from(Map<String, String> env, boolean offlineFlag) {
        String endpoint = Optional.ofNullable(env.get("HF_ENDPOINT")).map(String::strip).filter(s -> !s.isEmpty())
                .orElse(DEFAULT_ENDPOINT).replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new InputException("HF_ENDPOINT=" + endpoint + ": must be an http(s) address such as "
                    + DEFAULT_ENDPOINT);
        }
        String token = Optional.ofNullable(env.get("HF_TOKEN")).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        String offline = offlineFlag ? "--offline" : isTrue(env.get("HF_HUB_OFFLINE")) ? "HF_HUB_OFFLINE=1" : null;
        return new HubSettings(uri, token, offline, DEFAULT_TIMEOUT);
    }

    /** huggingface_hub reads HF_HUB_OFFLINE as a boolean: 1, true, yes, on. */
    private static boolean isTrue(String value) {
        return value != null && java.util.Set.of("1", "true", "yes", "on").contains(value.strip().toLowerCase());
    }

    public boolean offline() {
        return offlineReason != null;
    }

    @Override
    public String toString() {
        return "HubSettings[endpoint=" + endpoint + ", token=" + (token == null ? "none" : "set") + ", offline="
                + (offlineReason == null ? "no" : offlineReason) + ", timeout=" + timeout + "]";
    }
}
