package aimengine.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the Hugging Face hub cache is: --cache-dir, else CACHE_DIR (the container's /workspace/model-cache, using
 * its hub/ folder when present), else HF_HUB_CACHE, else HF_HOME/hub, else ~/.cache/huggingface/hub.
 *
 * @param path   the hub cache folder (it may not exist yet)
 * @param origin which setting chose it, for messages ("--cache-dir", "CACHE_DIR", ...)
 */
public record CacheRoot(Path path, String origin) {
    static final String MODEL_PREFIX = "models--";
    /** Top-level names the hub writes besides repo folders (.locks: its download locks), and ours (.aim-engine). */
    private static final Set<String> HUB_FILES = Set.of(".locks", ".aim-engine", "version.txt",
            "version_diffusers_cache.txt", "CACHEDIR.TAG");
    private static final Set<String> REPO_PREFIXES = Set.of(MODEL_PREFIX, "datasets--", "spaces--");

    public static CacheRoot resolve(Path cacheDirOption, Map<String, String> env, Path home) {
        if (cacheDirOption != null) {
            return new CacheRoot(withHub(cacheDirOption), "--cache-dir");
        }
        if (nonBlank(env.get("CACHE_DIR"))) {
            return new CacheRoot(withHub(Path.of(env.get("CACHE_DIR"))), "CACHE_DIR");
        }
        if (nonBlank(env.get("HF_HUB_CACHE"))) {
            return new CacheRoot(Path.of(env.get("HF_HUB_CACHE")), "HF_HUB_CACHE");
        }
        if (nonBlank(env.get("HF_HOME"))) {
            return new CacheRoot(Path.of(env.get("HF_HOME")).resolve("hub"), "HF_HOME");
        }
        return new CacheRoot(home.resolve(".cache/huggingface/hub"), "default");
    }

    private static Path withHub(Path dir) {
        Path hub = dir.resolve("hub");
        return Files.isDirectory(hub) ? hub : dir;
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** The folder the hub uses for one model: models--ORG--NAME. */
    public Path modelFolder(String modelId) {
        return path.resolve(MODEL_PREFIX + modelId.replace("/", "--"));
    }

    /** The model id of a models--ORG--NAME folder name, as huggingface_hub reads it; empty for other names. */
    public static Optional<String> modelId(String folderName) {
        if (!folderName.startsWith(MODEL_PREFIX) || folderName.length() == MODEL_PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(folderName.substring(MODEL_PREFIX.length()).replace("--", "/"));
    }

    /**
     * Why this folder does not look like a hub cache, or empty when it does. Deleting is only safe in a folder that
     * holds nothing but what the hub writes, so a folder with any other top-level entry (a home folder, a project)
     * is refused, as is a missing one or a file.
     */
    public Optional<String> whyNotHubCache() {
        if (!Files.exists(path)) {
            return Optional.of("does not exist");
        }
        if (!Files.isDirectory(path)) {
            return Optional.of("is not a folder");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                boolean repo = REPO_PREFIXES.stream().anyMatch(name::startsWith) && Files.isDirectory(entry);
                if (!repo && !HUB_FILES.contains(name)) {
                    return Optional.of("is not a Hugging Face hub cache: it holds '" + name
                            + "', which the hub never writes there");
                }
            }
        } catch (IOException e) {
            throw IoProblems.unchecked("cannot read the cache folder " + path, e);
        }
        return Optional.empty();
    }
}
