package aimengine.cli.command;

import aimengine.cli.base.AimPaths;
import aimengine.cli.base.CliContext;
import aimengine.data.DataLoader;
import aimengine.data.DataOptions;
import aimengine.io.InputProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where recipes, rules and model facts come from: the built-ins plus folders on disk that users edit without recompiling. */
public final class DataMixin {
    @Option(names = "--recipes", paramLabel = "DIR", description = "Add the recipes found (recursively) under DIR; repeatable. Seed and AIM profile formats.")
    List<Path> recipes = new ArrayList<>();

    @Option(names = "--no-builtin-recipes", description = "Leave out the built-in recipes.")
    boolean noBuiltinRecipes;

    @Option(names = "--rules", paramLabel = "DIR", description = "Add the DRL rules and hardware/*.yaml entries under DIR; a .drl named like a built-in one replaces it; repeatable.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--no-builtin-rules", description = "Leave out the built-in rules and hardware entries (the --rules folders must hold all).")
    boolean noBuiltinRules;

    @Option(names = "--models", paramLabel = "DIR", description = "Add model catalog entries (one YAML per model: id, aliases, config) found under DIR; repeatable.")
    List<Path> models = new ArrayList<>();

    /** The folders with relative ones taken from {@code workingDirectory} (the CliContext's, so tests can set it). */
    public DataOptions toOptions(Path workingDirectory) {
        return new DataOptions(recipeDirs(workingDirectory), !noBuiltinRecipes, resolve(workingDirectory, rules),
                !noBuiltinRules, resolve(workingDirectory, models));
    }

    /**
     * The loader of this data for a command: the folders' YAML is kept in compact form in the aim-engine cache, so
     * that a folder read once (AMD's 170 AIM profiles, say) costs later runs only its hashing.
     */
    public DataLoader loader(CliContext context) {
        return new DataLoader(toOptions(context.workingDirectory()), AimPaths.of(context).cache());
    }

    /** Entries of the given folders that are left out, one warning line each (see DataLoader.skippedEntries). */
    public List<InputProblem> skipped(Path workingDirectory) {
        return new DataLoader(toOptions(workingDirectory)).skippedEntries();
    }

    /** The --recipes folders, relative ones taken from {@code workingDirectory}. */
    public List<Path> recipeDirs(Path workingDirectory) {
        return resolve(workingDirectory, recipes);
    }

    public boolean builtinRecipes() {
        return !noBuiltinRecipes;
    }

    private static List<Path> resolve(Path workingDirectory, List<Path> paths) {
        return paths.stream().map(p -> workingDirectory.resolve(p).normalize()).toList();
    }
}
