package aimengine.model.hub;

import aimengine.io.AtomicFile;
import com.fasterxml.jackson.databind.JsonNode;
import aimengine.io.Lazy;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A model's config.json and safetensors parameter total from the Hugging Face Hub
 * ({@code GET /{id}/resolve/main/config.json} and {@code GET /api/models/{id}}, whose {@code safetensors.total} counts
 * the checkpoint's weights), kept under aim-engine's cache ({@code $AIM_CACHE/hub/models--org--name/}) so that the
 * Hub is asked once per model. Offline, only what is kept is used. Delete the folder to ask again.
 */
public final class HubFacts {
    /** A Hub model id: an optional owner and a name, of the characters the Hub allows; nothing that walks paths. */
    private static final Pattern MODEL_ID = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*/)?[A-Za-z0-9][A-Za-z0-9._-]*");
    /**
     * Weight types the safetensors total counts one per parameter. Packed integer types (I32 holding eight 4-bit
     * weights in AWQ and GPTQ checkpoints) are not, so a total with them is not a parameter count.
     */
    private static final Set<String> ONE_PER_PARAMETER = Set.of("F64", "F32", "F16", "BF16", "F8_E4M3", "F8_E5M2",
            "F8_E4M3FN", "F8_E8M0", "I8", "U8");
    private static final String CONFIG = "config.json";
    private static final String INFO = "safetensors.json";

    /**
     * What the Hub says about a model.
     *
     * @param config           config.json's text
     * @param parameters       the safetensors total when it counts parameters, else empty
     * @param source           where it came from, for the explanation
     */
    public record Fetched(String config, OptionalLong parameters, String source) {
    }

    private final HubSettings settings;
    private final HubClient client;
    private final Path cacheRoot;
    private final Lazy<ObjectMapper> json = Lazy.of(() -> new ObjectMapper());

    /** @param cacheRoot where answers are kept, {@code $AIM_CACHE/hub} */
    public HubFacts(HubSettings settings, HubClient client, Path cacheRoot) {
        this.settings = settings;
        this.client = client;
        this.cacheRoot = cacheRoot;
    }

    /** Whether a name can be a Hub model id at all (a local path or a name with spaces cannot). */
    public static boolean isModelId(String model) {
        return MODEL_ID.matcher(model).matches() && !model.contains("..");
    }

    /**
     * @return the model's config and parameter total, kept or fetched; empty when the name is no Hub model id
     * @throws HubException when offline with nothing kept, or when the Hub cannot or will not answer
     */
    public Optional<Fetched> find(String model, String lookedAt) {
        if (!isModelId(model)) {
            return Optional.empty();
        }
        Path folder = cacheRoot.resolve("models--" + model.replace("/", "--"));
        Optional<Fetched> kept = kept(folder);
        if (kept.isPresent()) {
            return kept;
        }
        if (settings.offline()) {
            throw new HubException(HubException.Kind.UNAVAILABLE, model + ": no facts for this model in " + lookedAt
                    + " or aim-engine's Hub cache, and " + settings.offlineReason()
                    + " forbids asking the Hub; run once online, or add a catalog entry with --models");
        }
        String config = client.get(model, "/" + model + "/resolve/main/" + CONFIG, CONFIG);
        JsonNode configJson = parse(config, model, "the Hub's " + CONFIG);
        if (!configJson.isObject()) {
            throw new HubException(HubException.Kind.FAILED, model + ": the Hub's " + CONFIG + " is not a JSON object");
        }
        ObjectNode safetensors = json.get().createObjectNode();
        JsonNode st = modelInfo(model).path("safetensors");
        if (st.isObject()) {
            safetensors.set("parameters", st.path("parameters"));
            safetensors.set("total", st.path("total"));
        }
        keep(folder, config, safetensors);
        return Optional.of(new Fetched(config, parameters(safetensors), "the Hub (" + settings.endpoint() + "/" + model
                + ": " + CONFIG + (parameters(safetensors).isPresent() ? ", safetensors total" : "") + ")"));
    }

    /**
     * The model info, or an empty object where the endpoint has no model API (some Hub mirrors serve files only):
     * the config's own parameter count then stands.
     */
    private JsonNode modelInfo(String model) {
        String text;
        try {
            text = client.get(model, "/api/models/" + model, "model info");
        } catch (HubException e) {
            if (e.kind() == HubException.Kind.FAILED) {
                throw e;
            }
            return json.get().createObjectNode();
        }
        return parse(text, model, "the Hub's model info");
    }

    private Optional<Fetched> kept(Path folder) {
        Path config = folder.resolve(CONFIG);
        Path info = folder.resolve(INFO);
        if (!Files.isRegularFile(config) || !Files.isRegularFile(info)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(config);
            JsonNode safetensors = json.get().readTree(Files.readString(info));
            if (!json.get().readTree(text).isObject() || safetensors == null) {
                return Optional.empty();
            }
            return Optional.of(new Fetched(text, parameters(safetensors), "aim-engine's Hub cache (" + config + ")"));
        } catch (IOException e) {
            // a damaged copy is fetched again (or, offline, reported as missing)
            return Optional.empty();
        }
    }

    /** The safetensors total, when every weight type in it holds one parameter per element. */
    private static OptionalLong parameters(JsonNode safetensors) {
        JsonNode total = safetensors.path("total");
        JsonNode byType = safetensors.path("parameters");
        if (!total.canConvertToLong() || !byType.isObject() || byType.isEmpty()) {
            return OptionalLong.empty();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = byType.fields(); it.hasNext(); ) {
            if (!ONE_PER_PARAMETER.contains(it.next().getKey())) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(total.asLong());
    }

    private JsonNode parse(String text, String model, String what) {
        try {
            JsonNode node = json.get().readTree(text);
            if (node == null) {
                throw new IOException("empty");
            }
            return node;
        } catch (IOException e) {
            throw new HubException(HubException.Kind.FAILED, model + ": " + what + " is not valid JSON ("
                    + firstLine(e.getMessage()) + "); is HF_ENDPOINT=" + settings.endpoint() + " a Hugging Face Hub?");
        }
    }

    /** Best effort: facts that cannot be kept are fetched again next time. Config last, as it marks a complete copy. */
    private void keep(Path folder, String config, JsonNode safetensors) {
        try {
            Files.createDirectories(folder);
            AtomicFile.write(folder.resolve(INFO), json.get().writeValueAsString(safetensors));
            AtomicFile.write(folder.resolve(CONFIG), config);
        } catch (IOException e) {
            // planning goes on with what was fetched
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
