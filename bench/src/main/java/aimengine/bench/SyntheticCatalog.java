package aimengine.bench;

import aimengine.engine.Backend;
import aimengine.hardware.Precision;
import aimengine.recipe.EngineArg;
import aimengine.recipe.Recipe;
import aimengine.recipe.RecipeCatalog;
import aimengine.recipe.RecipeType;
import aimengine.recipe.RecipeVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Made-up recipes shaped like the shipped ones, for planning at scale: each recipe has a vLLM variant for 1, 2, 4
 * and 8 GPUs, and the recipes spread over a number of models round-robin (by default {@value #MODELS}, so that, as in
 * a real catalog, most candidates are for other models and a fiftieth are for the requested one).
 */
final class SyntheticCatalog {
    static final int MODELS = 50;
    static final int[] GPU_COUNTS = {1, 2, 4, 8};
    /** The requested model; the first of the models. */
    static final String TARGET = "Qwen/Qwen3-32B";

    private SyntheticCatalog() {
    }

    static String model(int i, int models) {
        return i % models == 0 ? TARGET : "bench/model-" + (i % models);
    }

    static RecipeCatalog recipes(int count, int models) {
        List<Recipe> recipes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Precision precision = i % 3 == 2 ? Precision.FP8 : Precision.BF16;
            RecipeType type = i % 5 == 4 ? RecipeType.PREVIEW : RecipeType.OPTIMIZED;
            List<RecipeVariant> variants = new ArrayList<>();
            for (int gpus : GPU_COUNTS) {
                variants.add(new RecipeVariant(Backend.VLLM, gpus, true,
                        List.of(new EngineArg("--max-model-len", Integer.toString(8192 << (i % 3)), false, 0),
                                new EngineArg("--gpu-memory-utilization", "0.9", false, 0)),
                        Map.of(), 0));
            }
            String model = model(i, models);
            recipes.add(new Recipe("bench-" + i, model, model, "mi300x", precision, type, null, false, Map.of(),
                    variants, "seed", "synthetic"));
        }
        return RecipeCatalog.of(recipes);
    }

    /** A model catalog entry for the requested model (Qwen3-32B's config.json fields). */
    static String targetModelYaml() {
        return """
                id: Qwen/Qwen3-32B
                source: Qwen3-32B config.json
                config:
                  model_type: qwen3
                  hidden_size: 5120
                  intermediate_size: 25600
                  num_hidden_layers: 64
                  num_attention_heads: 64
                  num_key_value_heads: 8
                  head_dim: 128
                  vocab_size: 151936
                  tie_word_embeddings: false
                  max_position_embeddings: 40960
                  torch_dtype: bfloat16
                """;
    }
}
