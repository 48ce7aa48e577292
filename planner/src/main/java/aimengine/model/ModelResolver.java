package aimengine.model;

import aimengine.cache.CacheRoot;
import aimengine.io.InputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Finds a model's facts, in order: the Hugging Face cache (the snapshot refs/main points to, else the newest),
 * a local model directory (MODEL given as a path), then the shipped catalog.
 */
public final class ModelResolver {
    private final CacheRoot cache;
    private final ModelCatalog catalog;
    private final ObjectMapper json = new ObjectMapper();
    private final SafetensorsInspector weights = new SafetensorsInspector();

    public ModelResolver(CacheRoot cache, ModelCatalog catalog) {
        this.cache = cache;
        this.catalog = catalog;
    }

    public Optional<ModelFacts> resolve(String model) {
        Optional<Path> cached = cachedConfig(model);
        if (cached.isPresent()) {
            return Optional.of(read(model, cached.get()));
        }
        Path local = Path.of(model);
        if (model.startsWith("/") || model.startsWith(".")) {
            Path config = local.resolve("config.json");
            if (Files.isRegularFile(config)) {
                return Optional.of(read(model, config));
            }
        }
        return catalog.find(model);
    }

    /** Where {@link #resolve} looks for this model, in order, for the explanation when it finds nothing. */
    public java.util.List<String> places(String model) {
        java.util.List<String> places = new java.util.ArrayList<>();
        if (model.startsWith("/") || model.startsWith(".")) {
            places.add("the local folder " + model + " (config.json)");
        } else if (cache != null) {
            places.add("the Hugging Face cache " + cache.modelFolder(model));
        }
        places.add("the model catalog (models/ and --models folders)");
        return places;
    }

    private Optional<Path> cachedConfig(String model) {
        if (cache == null || model.startsWith("/") || model.startsWith(".")) {
            return Optional.empty();
        }
        Path folder = cache.modelFolder(model);
        Path snapshots = folder.resolve("snapshots");
        if (!Files.isDirectory(snapshots)) {
            return Optional.empty();
        }
        try {
            Path ref = folder.resolve("refs/main");
            if (Files.isRegularFile(ref)) {
                Path config = snapshots.resolve(Files.readString(ref).trim()).resolve("config.json");
                if (Files.isRegularFile(config)) {
                    return Optional.of(config);
                }
            }
            try (Stream<Path> revs = Files.list(snapshots)) {
                return revs.map(r -> r.resolve("config.json")).filter(Files::isRegularFile)
                        .max(Comparator.comparing(ModelResolver::modified));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private ModelFacts read(String model, Path config) {
        JsonNode node;
        try {
            node = json.readTree(Files.readString(config));
        } catch (IOException e) {
            throw new InputException(config.toString(), 0, "cannot read model config: " + firstLine(e.getMessage())
                    + "; fix or delete the file");
        }
        if (node == null || !node.isObject()) {
            throw new InputException(config.toString(), 0, "model config is not a JSON object");
        }
        ModelFacts facts = ConfigFacts.from(model, node, config.toString());
        OptionalLong counted = weights.parameters(config.getParent(), facts.nativeDtype());
        if (counted.isEmpty() || facts.isMoe()) {
            return facts;
        }
        // Dense models: the weights on disk are the exact count; MoE active counts still come from the config.
        return facts.withParameters(counted.getAsLong(), facts.source() + " + safetensors headers");
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
