package aimengine.cache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the Hugging Face hub cache is: --cache-dir, else CACHE_DIR (the container's /workspace/model-cache, using
 * its hub/ folder when present), else HF_HUB_CACHE, else HF_HOME/hub, else ~/.cache/huggingface/hub.
 *
 * @param path   the hub cache folder (it may not exist yet)
 * @param origin which setting chose it, for messages ("--cache-dir", "CACHE_DIR", ...)
 */
public record CacheRoot(Path path, String origin) {

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
        return path.resolve("models--" + modelId.replace("/", "--"));
    }
}
