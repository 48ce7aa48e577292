package aimengine.cli.command;

import aimengine.data.DataOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where recipes and rules come from: the built-ins plus folders on disk that users edit without recompiling. */
public final class DataMixin {
    @Option(names = "--recipes", paramLabel = "DIR", description = "Add the recipes found (recursively) under DIR; repeatable. Seed and AIM profile formats.")
    List<Path> recipes = new ArrayList<>();

    @Option(names = "--no-builtin-recipes", description = "Leave out the built-in recipes.")
    boolean noBuiltinRecipes;

    @Option(names = "--rules", paramLabel = "DIR", description = "Add the DRL rules and hardware/*.yaml entries under DIR; a .drl named like a built-in one replaces it; repeatable.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--no-builtin-rules", description = "Leave out the built-in rules and hardware entries (the --rules folders must hold all).")
    boolean noBuiltinRules;

    public DataOptions toOptions() {
        return new DataOptions(recipes, !noBuiltinRecipes, rules, !noBuiltinRules, List.of());
    }
}
