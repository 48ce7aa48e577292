package aimengine.recipe;

import aimengine.hardware.Precision;
import java.util.List;
import java.util.Map;

/**
 * A deployment recipe: one model (or none, for a general recipe) on one hardware product at one precision, with a
 * variant per engine and GPU count. Both the seed YAML format and AMD's AIM profile format load into this.
 *
 * @param id                  unique id ("qwen3-32b-mi300x-bf16", or an AIM profile's path without .yaml)
 * @param checkpoint          what the engine loads; null for general recipes (then the requested model)
 * @param modelId             the model served; null for general recipes
 * @param hardware            product key, or an LLVM target / compute capability for every product of one
 *                            architecture (general recipes: gfx942, sm_90), lower case
 * @param precision           weight precision; null for a general recipe that serves each checkpoint in its own
 *                            precision ({@code precision: checkpoint})
 * @param type                tuning level
 * @param metric              "latency" or "throughput" for AIM profiles tuned for one; null when it serves both
 * @param manualSelectionOnly only used when pinned with --recipe
 * @param env                 environment for every variant
 * @param variants            one per engine x GPU count
 * @param format              "seed" or "aim"
 * @param source              file it came from
 */
public record Recipe(String id, String checkpoint, String modelId, String hardware, Precision precision,
                     RecipeType type, String metric, boolean manualSelectionOnly, Map<String, String> env,
                     List<RecipeVariant> variants, String format, String source) {

    public Recipe {
        env = Map.copyOf(env);
        variants = List.copyOf(variants);
    }

    public boolean isGeneral() {
        return modelId == null;
    }

    /** A general recipe that takes the checkpoint's own precision. */
    public boolean servesCheckpointPrecision() {
        return precision == null;
    }

    /** The precision key as written in recipes: "checkpoint" for the checkpoint's own. */
    public String precisionKey() {
        return precision == null ? "checkpoint" : precision.key();
    }
}
