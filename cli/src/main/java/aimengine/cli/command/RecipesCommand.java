package aimengine.cli.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `recipes`: the group of list, show and lint; alone it asks for one of them. */
@Command(name = "recipes", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List, show and lint deployment recipes (aim-engine's format and AMD AIM profiles).",
        subcommands = {RecipesListCommand.class, RecipesShowCommand.class, RecipesLintCommand.class})
public final class RecipesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list, show or lint");
    }
}
