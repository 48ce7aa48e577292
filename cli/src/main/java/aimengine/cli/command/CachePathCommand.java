package aimengine.cli.command;

import aimengine.cli.base.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `aim-engine cache path`: the cache folder the other commands use, alone on a line for scripts. */
@Command(name = "path", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print the Hugging Face hub cache folder (which need not exist yet).", "Exit codes: 0 ok."})
public final class CachePathCommand extends BaseCommand {
    @Mixin
    CacheDirMixin cache;

    @Override
    protected int execute() {
        out().println(cache.root(context()).path());
        out().flush();
        return ExitCodes.OK;
    }
}
