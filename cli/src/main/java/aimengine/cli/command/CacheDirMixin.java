package aimengine.cli.command;

import aimengine.cache.CacheRoot;
import aimengine.cli.base.CliContext;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --cache-dir for the cache commands; without it the environment decides (see {@link CacheRoot#resolve}). */
public final class CacheDirMixin {
    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Hugging Face hub cache (default: CACHE_DIR,"
            + " HF_HUB_CACHE, HF_HOME/hub, ~/.cache/huggingface/hub; a hub/ folder inside CACHE_DIR or DIR is used"
            + " when present).")
    Path cacheDir;

    public CacheRoot root(CliContext context) {
        Path dir = cacheDir == null ? null : context.workingDirectory().resolve(cacheDir);
        return CacheRoot.resolve(dir, context.env(), context.home());
    }
}
