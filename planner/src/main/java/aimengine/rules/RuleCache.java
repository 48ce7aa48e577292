package aimengine.rules;

import aimengine.io.BuildIdentity;
import aimengine.io.ContentKey;
import aimengine.io.KeyedFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiled rule jars on disk, keyed by a SHA-256 of the DRL texts (in order) and of the aim-engine build that
 * compiled them, so changed rules or a new build never get an old jar (written atomically, see {@link KeyedFiles}).
 */
public final class RuleCache {
    /** Bump when the cached form changes. */
    private static final String FORMAT = "aim-engine rules cache 1";

    private final KeyedFiles files;
    private final String build;

    /**
     * @param dir   the folder of the cached jars (created when first written)
     * @param build identifies the code the rules are compiled against: the fact classes the jars refer to
     */
    public RuleCache(Path dir, String build) {
        this.files = new KeyedFiles(dir, ".jar");
        this.build = build;
    }

    /** The cache of this aim-engine build under cacheRoot/rules. */
    public static RuleCache of(Path cacheRoot) {
        return new RuleCache(cacheRoot.resolve("rules"), BuildIdentity.current());
    }

    /** The aim-engine cache folder: AIM_CACHE, else ~/.cache/aim-engine. */
    public static Path defaultRoot(Map<String, String> env, Path home) {
        String aim = env.get("AIM_CACHE");
        return aim != null && !aim.isBlank() ? Path.of(aim) : home.resolve(".cache").resolve("aim-engine");
    }

    public Path dir() {
        return files.dir();
    }

    /** The key of a rule set: hex SHA-256. */
    public String key(List<DrlSource> sources) {
        ContentKey key = new ContentKey().add(FORMAT).add(build);
        sources.forEach(s -> key.add(s.text()));
        return key.hex();
    }

    public Path file(String key) {
        return files.file(key);
    }

    /** The cached jar's bytes, or empty when there is none (or it cannot be read). */
    public Optional<byte[]> read(String key) {
        return files.read(key);
    }

    /** Stores the jar; false when the cache folder cannot be written (the run goes on uncached). */
    public boolean write(String key, byte[] jar) {
        return files.write(key, jar);
    }
}
