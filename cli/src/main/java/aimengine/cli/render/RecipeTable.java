package aimengine.cli.render;

import aimengine.engine.Backend;
import aimengine.recipe.Recipe;
import aimengine.recipe.RecipeVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** `recipes list`: one line per recipe, or its JSON. */
public final class RecipeTable {
    private final FileNames names;

    public RecipeTable(FileNames names) {
        this.names = names;
    }

    public String text(List<Recipe> recipes) {
        TextTable table = new TextTable("ID", "MODEL", "HARDWARE", "PRECISION", "ENGINE:GPUS", "TYPE", "METRIC", "SOURCE");
        for (Recipe r : recipes) {
            table.row(r.id(), r.isGeneral() ? "(any)" : r.modelId(), r.hardware(), r.precisionKey(), engines(r),
                    r.type().key() + (r.manualSelectionOnly() ? " (manual)" : ""), r.metric(), names.show(r.source()));
        }
        return table.render() + recipes.size() + (recipes.size() == 1 ? " recipe" : " recipes") + "\n";
    }

    public String json(List<Recipe> recipes) {
        return PrettyJson.of(Map.of("recipes", recipes.stream().map(r -> RecipeJson.summary(r, names)).toList()));
    }

    /** "vllm:1,8 sglang:1", a disabled count marked "(off)". */
    static String engines(Recipe recipe) {
        List<String> parts = new ArrayList<>();
        for (Backend b : Backend.values()) {
            List<RecipeVariant> variants = recipe.variants().stream().filter(v -> v.backend() == b).toList();
            if (!variants.isEmpty()) {
                parts.add(b.key() + ":" + variants.stream()
                        .map(v -> v.gpuCount() + (v.enabled() ? "" : "(off)")).collect(Collectors.joining(",")));
            }
        }
        return String.join(" ", parts);
    }
}
