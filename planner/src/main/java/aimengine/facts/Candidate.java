package aimengine.facts;

/**
 * One way to serve the request: a recipe on one backend at one GPU count. Every enabled variant of every recipe
 * becomes one candidate; those of the recipes that serve the requested model (or are general) come in as facts with
 * their {@link RecipeGroup}, and the rules reject, rank and select among them.
 *
 * @param key            "recipe-id/backend/N" (unique)
 * @param recipeId       the recipe
 * @param modelId        model the recipe serves, null for a general recipe
 * @param checkpoint     what the engine loads, null for a general recipe
 * @param hardware       product key, or an LLVM target / compute capability ("gfx942", "sm_90") for a recipe that
 *                       serves every product of that architecture
 * @param precision      precision key; a general recipe's is the checkpoint's own (null when unknown)
 * @param backend        engine key
 * @param gpuCount       tensor-parallel size
 * @param type           optimized, preview, unoptimized or general
 * @param metric         latency or throughput for AIM profiles, null when the recipe serves both
 * @param manualOnly     only selectable when pinned
 * @param maxModelLen    context the recipe states, 0 when it states none (the model's maximum applies)
 * @param memoryFraction gpu-memory-utilization (or mem-fraction-static) the recipe states or the engine default
 * @param kvDtypeBytes   bytes per KV-cache element (1 with an fp8 KV cache, else 2)
 * @param nodes          machines the candidate spans (gpuCount GPUs on each); 1 for a single-machine candidate
 */
public record Candidate(String key, String recipeId, String modelId, String checkpoint, String hardware,
                        String precision, String backend, int gpuCount, String type, String metric,
                        boolean manualOnly, int maxModelLen, double memoryFraction, double kvDtypeBytes, int nodes) {

    /** A candidate on one machine. */
    public Candidate(String key, String recipeId, String modelId, String checkpoint, String hardware,
                     String precision, String backend, int gpuCount, String type, String metric,
                     boolean manualOnly, int maxModelLen, double memoryFraction, double kvDtypeBytes) {
        this(key, recipeId, modelId, checkpoint, hardware, precision, backend, gpuCount, type, metric, manualOnly,
                maxModelLen, memoryFraction, kvDtypeBytes, 1);
    }

    /** The same candidate on {@code n} machines, under its own key. */
    public Candidate onNodes(String newKey, int n) {
        return new Candidate(newKey, recipeId, modelId, checkpoint, hardware, precision, backend, gpuCount, type,
                metric, manualOnly, maxModelLen, memoryFraction, kvDtypeBytes, n);
    }

    public boolean general() {
        return modelId == null;
    }

    /** Whether the recipe targets this product, by its key or by its architecture. */
    public boolean runsOn(String product, String llvmTarget) {
        return hardware.equals(product) || hardware.equals(llvmTarget);
    }

    /** Whether the engine loads this model's own checkpoint (so its facts describe the weights loaded). */
    public boolean loads(String model) {
        return general() || model.equalsIgnoreCase(checkpoint);
    }
}
