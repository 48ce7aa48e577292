package aimengine.cli.command;

import aimengine.data.DataOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * --recipes, --no-builtin-recipes, --rules, --no-builtin-rules: which data folders a command reads. Relative folders
 * are taken from the working directory of the {@link aimengine.cli.CliContext}.
 */
public final class DataMixin {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--recipes", paramLabel = "DIR",
            description = "Also read the recipes below DIR, recursively (repeatable).")
    List<Path> recipes = new ArrayList<>();

    @Option(names = "--no-builtin-recipes", description = "Do not read the recipes shipped with aim-engine.")
    boolean noBuiltinRecipes;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Also read rules (*.drl, hardware/*.yaml) from DIR; a file named like a built-in one replaces it (repeatable).")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--no-builtin-rules", description = "Do not read the rules shipped with aim-engine.")
    boolean noBuiltinRules;

    public DataOptions toOptions() {
        return new DataOptions(resolve(recipes), !noBuiltinRecipes, resolve(rules), !noBuiltinRules, List.of());
    }

    /** The --recipes folders, resolved against the working directory. */
    public List<Path> recipeDirs() {
        return resolve(recipes);
    }

    public boolean builtinRecipes() {
        return !noBuiltinRecipes;
    }

    /** The working directory that relative paths on the command line are taken from. */
    public Path workingDirectory() {
        return ((AimEngineCommand) mixee.root().userObject()).context().workingDirectory();
    }

    /** A path from the command line, resolved against the working directory. */
    public Path resolve(Path path) {
        return workingDirectory().resolve(path).normalize();
    }

    private List<Path> resolve(List<Path> paths) {
        return paths.stream().map(this::resolve).toList();
    }
}
