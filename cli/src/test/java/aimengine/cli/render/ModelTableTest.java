package aimengine.cli.render;

import aimengine.engine.Backend;
import aimengine.hardware.Precision;
import aimengine.model.CheckpointShape;
import aimengine.model.ModelFacts;
import aimengine.recipe.Recipe;
import aimengine.recipe.RecipeType;
import aimengine.recipe.RecipeVariant;
import java.util.List;
import java.util.Map;
import org.approvaltests.Approvals;
import org.junit.jupiter.api.Test;

/** `models` rendering from plain records, so the approved text does not move when the shipped catalog grows. */
class ModelTableTest {
    private static final ModelFacts DENSE = new ModelFacts("Qwen/Qwen3-32B", "qwen3", 32_762_123_264L, 32_762_123_264L,
            64, 64, 8, 128, 5120, 40960, "bfloat16", null, 0, 0, "catalog",
            CheckpointShape.plain("bf16"));
    private static final ModelFacts MOE = new ModelFacts("Qwen/Qwen3-30B-A3B", "qwen3_moe", 30_532_122_624L,
            3_345_000_000L, 48, 32, 4, 128, 2048, 40960, "bfloat16", null, 0, 0, "catalog",
            CheckpointShape.plain("bf16"));

    private static Recipe recipe(String id, String model, String hardware, Precision precision) {
        return recipe(id, model, model, hardware, precision);
    }

    private static Recipe recipe(String id, String checkpoint, String model, String hardware, Precision precision) {
        return new Recipe(id, checkpoint, model, hardware, precision, RecipeType.OPTIMIZED, null, false, Map.of(),
                List.of(new RecipeVariant(Backend.VLLM, 1, true, List.of(), Map.of(), 1)), "seed", id + ".yaml");
    }

    private static final List<Recipe> RECIPES = List.of(
            recipe("a", "Qwen/Qwen3-32B", "mi300x", Precision.BF16),
            recipe("b", "qwen/qwen3-32b", "mi325x", Precision.FP8),
            recipe("c", "Qwen/Qwen3-32B", "mi300x", Precision.BF16),
            recipe("d", "CohereLabs/command-a-reasoning-08-2025", "mi300x", Precision.FP16),
            recipe("e", "Qwen/Qwen3-32B-FP8", "Qwen/Qwen3-32B", "mi355x", Precision.FP8),
            new Recipe("g", null, null, "mi300x", Precision.FP16, RecipeType.GENERAL, null, false, Map.of(),
                    List.of(new RecipeVariant(Backend.VLLM, 1, true, List.of(), Map.of(), 1)), "aim", "g.yaml"));

    @Test
    void text() {
        Approvals.verify(new ModelTable().text(List.of(MOE, DENSE, DENSE.withId("Qwen/Qwen3-32B-FP8")), RECIPES));
    }

    @Test
    void json() {
        Approvals.verify(new ModelTable().json(List.of(MOE, DENSE, DENSE.withId("Qwen/Qwen3-32B-FP8")), RECIPES));
    }
}
