package aimengine.model;

import aimengine.cache.CacheRoot;
import aimengine.io.InputException;
import aimengine.model.hub.HubException;
import aimengine.model.hub.HubFacts;
import com.fasterxml.jackson.databind.JsonNode;
import aimengine.io.Lazy;
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
 * a local model directory (MODEL given as a path), the shipped catalog, then the Hugging Face Hub (kept under
 * aim-engine's cache; not asked when offline).
 */
public final class ModelResolver {
    private final CacheRoot cache;
    private final ModelCatalog catalog;
    private final HubFacts hub;
    private final Lazy<ObjectMapper> json = Lazy.of(() -> new ObjectMapper());
    private final SafetensorsInspector weights = new SafetensorsInspector();

    /** @param hub the Hub, or null where it is not to be asked at all (benchmarks, tests of the other sources) */
    public ModelResolver(CacheRoot cache, ModelCatalog catalog, HubFacts hub) {
        this.cache = cache;
        this.catalog = catalog;
        this.hub = hub;
    }

    /**
     * A model's facts, or where aim-engine looked for them.
     *
     * @param facts  the facts, or null when none were found
     * @param lookup where the facts came from, or where aim-engine looked and why it found none
     */
    public record Resolution(ModelFacts facts, String lookup) {
    }

    public Optional<ModelFacts> resolve(String model) {
        return Optional.ofNullable(lookup(model).facts());
    }

    /**
     * @throws HubException FAILED when the Hub had to be asked and could not answer (network, timeout, bad JSON)
     */
    public Resolution lookup(String model) {
        Optional<Path> cached = cachedConfig(model);
        if (cached.isPresent()) {
            return found(read(model, cached.get()));
        }
        boolean path = isLocal(model);
        if (path) {
            Path config = Path.of(model).resolve("config.json");
            if (Files.isRegularFile(config)) {
                return found(read(model, config));
            }
        }
        Optional<ModelFacts> listed = catalog.find(model);
        if (listed.isPresent()) {
            return found(listed.get());
        }
        String looked = (cache == null ? "" : "the Hugging Face cache (" + cache.path() + "), ")
                + (path ? "the folder " + model + " (no config.json), " : "") + "the model catalog";
        if (hub == null || path) {
            return new Resolution(null, "not in " + looked);
        }
        try {
            return hub.find(model, looked).map(f -> found(fromHub(model, f)))
                    .orElse(new Resolution(null, "not in " + looked + "; '" + model + "' is no Hub model id"));
        } catch (HubException e) {
            if (e.kind() == HubException.Kind.FAILED) {
                throw e;
            }
            return new Resolution(null, e.getMessage());
        }
    }

    private static Resolution found(ModelFacts facts) {
        return new Resolution(facts, facts.source());
    }

    private ModelFacts fromHub(String model, HubFacts.Fetched fetched) {
        JsonNode node;
        try {
            node = json.get().readTree(fetched.config());
        } catch (IOException e) {
            throw new HubException(HubException.Kind.FAILED, model + ": " + fetched.source() + " holds no valid JSON");
        }
        ModelFacts facts = ConfigFacts.from(model, node, fetched.source());
        if (fetched.parameters().isEmpty() || facts.isMoe()) {
            return facts;
        }
        return withExactCount(facts, fetched.parameters().getAsLong(), fetched.source() + " field safetensors.total",
                facts.source());
    }

    private Optional<Path> cachedConfig(String model) {
        return cachedSnapshot(model).map(snapshot -> snapshot.resolve("config.json"));
    }

    /** The cached snapshot folder with a config.json: the one refs/main points to, else the newest. */
    private Optional<Path> cachedSnapshot(String model) {
        if (cache == null || isLocal(model)) {
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
                Path snapshot = snapshots.resolve(Files.readString(ref).trim());
                if (Files.isRegularFile(snapshot.resolve("config.json"))) {
                    return Optional.of(snapshot);
                }
            }
            try (Stream<Path> revs = Files.list(snapshots)) {
                return revs.filter(r -> Files.isRegularFile(r.resolve("config.json")))
                        .max(Comparator.comparing(r -> modified(r.resolve("config.json"))));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isLocal(String model) {
        return model.startsWith("/") || model.startsWith(".");
    }

    /**
     * Where the model comes from and what its files say about trust: the cached snapshot (its commit, config and
     * weight files), a local folder, or for a model not in the cache the shipped catalog's config.
     */
    public ModelOrigin origin(String model) {
        if (isLocal(model)) {
            Path folder = Path.of(model).toAbsolutePath().normalize();
            Path config = folder.resolve("config.json");
            Optional<ConfigCode> code = Files.isRegularFile(config) ? Optional.of(ConfigCode.from(readJson(config)))
                    : Optional.empty();
            Optional<WeightFiles> weights = Files.isDirectory(folder) ? Optional.of(WeightFiles.scan(folder))
                    .filter(WeightFiles::any) : Optional.empty();
            return new ModelOrigin(model, true, folder.toString(), null, code, weights);
        }
        Optional<Path> snapshot = cachedSnapshot(model);
        if (snapshot.isPresent()) {
            Path s = snapshot.get();
            return new ModelOrigin(model, false, model, s.getFileName().toString(),
                    Optional.of(ConfigCode.from(readJson(s.resolve("config.json")))),
                    Optional.of(WeightFiles.scan(s)).filter(WeightFiles::any));
        }
        return new ModelOrigin(model, false, model, null, catalog.code(model), Optional.empty());
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private JsonNode readJson(Path config) {
        JsonNode node;
        try {
            node = json.get().readTree(Files.readString(config));
        } catch (IOException e) {
            throw new InputException(config.toString(), 0, "cannot read model config: " + firstLine(e.getMessage())
                    + "; fix or delete the file");
        }
        if (node == null || !node.isObject()) {
            throw new InputException(config.toString(), 0, "model config is not a JSON object");
        }
        return node;
    }

    private ModelFacts read(String model, Path config) {
        JsonNode node = readJson(config);
        ModelFacts facts = ConfigFacts.from(model, node, config.toString());
        OptionalLong counted = weights.parameters(config.getParent(), facts.nativeDtype());
        if (counted.isEmpty() || facts.isMoe()) {
            return facts;
        }
        return withExactCount(facts, counted.getAsLong(), config.getParent().toString(),
                facts.source() + " + safetensors headers");
    }

    /** Dense models: the weights' own count is exact; MoE active counts still come from the config. */
    private static ModelFacts withExactCount(ModelFacts facts, long n, String countedIn, String source) {
        if (n <= 0) {
            throw new InputException(countedIn, 0, "the safetensors weights count " + n + " parameters; a model has"
                    + " more than none");
        }
        return facts.withParameters(n, source);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
