package aimengine.recipe;

import aimengine.engine.Backend;
import aimengine.engine.EngineFlags;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One way to run a recipe: an engine and a GPU count, with the engine's flags and extra environment. */
public record RecipeVariant(Backend backend, int gpuCount, boolean enabled, List<EngineArg> args,
                            Map<String, String> env, int line) {

    public RecipeVariant {
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    /** The first argument that sets one of these flags (any spelling). */
    public Optional<EngineArg> arg(List<String> names) {
        for (EngineArg a : args) {
            for (String n : names) {
                if (EngineFlags.sameFlag(a.flag(), n)) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }
}
