package aimengine.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `aim-engine cache`: the Hugging Face model cache; running it alone asks for a subcommand. */
@Command(name = "cache", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Inspect and clean the Hugging Face model cache.",
                "Exit codes: 0 ok, 1 failure, 2 bad input."},
        subcommands = {
                CachePathCommand.class,
                CacheListCommand.class,
                CacheStatsCommand.class,
                CacheCleanCommand.class,
        })
public final class CacheCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: path, list, stats or clean");
    }
}
