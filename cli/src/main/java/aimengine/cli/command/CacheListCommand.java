package aimengine.cli.command;

import aimengine.cache.CacheRoot;
import aimengine.cache.CacheScanner;
import aimengine.cache.CachedModel;
import aimengine.cli.base.ExitCodes;
import aimengine.cli.render.CacheListJson;
import aimengine.cli.render.CacheListText;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `aim-engine cache list`: the cached models with revisions, files, size, times and completeness. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"List the models in the Hugging Face hub cache: revisions, files, size on disk, last"
                + " modified and accessed, complete or not (and why).",
                "Exit codes: 0 ok, 1 failure, 2 bad input."})
public final class CacheListCommand extends BaseCommand {
    @Mixin
    CacheDirMixin cache;

    @Mixin
    OutputMixin output;

    @Override
    protected int execute() {
        CacheRoot root = CacheFolder.readable(cache.root(context()));
        List<CachedModel> models = new CacheScanner(root).scan();
        out().print(output.json() ? CacheListJson.render(root, models) : CacheListText.render(root, models));
        out().flush();
        return ExitCodes.OK;
    }
}
