package aimengine.cli.command;

import aimengine.cache.CacheRoot;
import aimengine.cache.CacheScanner;
import aimengine.cache.CacheStats;
import aimengine.cache.FreeSpace;
import aimengine.cli.base.ExitCodes;
import aimengine.cli.render.CacheStatsJson;
import aimengine.cli.render.CacheStatsText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `aim-engine cache stats`: totals over the cache and the free disk beside it. */
@Command(name = "stats", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Show the cache's total size, models, free disk and largest models.",
                "Exit codes: 0 ok, 1 failure, 2 bad input."})
public final class CacheStatsCommand extends BaseCommand {
    @Mixin
    CacheDirMixin cache;

    @Mixin
    OutputMixin output;

    @Override
    protected int execute() {
        CacheRoot root = CacheFolder.readable(cache.root(context()));
        CacheStats stats = CacheStats.of(root.path(), new CacheScanner(root).scan(), FreeSpace.of(root.path()));
        out().print(output.json() ? CacheStatsJson.render(root, stats) : CacheStatsText.render(root, stats));
        out().flush();
        return ExitCodes.OK;
    }
}
