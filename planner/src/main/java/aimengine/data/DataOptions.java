package aimengine.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Which data folders to read, from the command line.
 *
 * @param recipeDirs     --recipes DIR (repeatable): added to the built-in recipes
 * @param builtinRecipes false with --no-builtin-recipes
 * @param rulesDirs      --rules DIR (repeatable): DRL files and hardware/*.yaml; a DRL file named like a built-in one
 *                       replaces it, others are added
 * @param builtinRules   false with --no-builtin-rules (then the rules folders must hold every rule)
 * @param modelDirs      extra model catalog folders
 */
public record DataOptions(List<Path> recipeDirs, boolean builtinRecipes, List<Path> rulesDirs, boolean builtinRules,
                          List<Path> modelDirs) {

    public DataOptions {
        recipeDirs = List.copyOf(recipeDirs);
        rulesDirs = List.copyOf(rulesDirs);
        modelDirs = List.copyOf(modelDirs);
    }

    public static DataOptions builtins() {
        return new DataOptions(List.of(), true, List.of(), true, List.of());
    }
}
