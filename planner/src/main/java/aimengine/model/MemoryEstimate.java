package aimengine.model;

/**
 * One candidate's memory budget per GPU, in GiB.
 *
 * @param weightsGiBPerGpu   weights divided by the tensor-parallel size
 * @param reserveGiBPerGpu   activation and runtime reserve (see {@link MemoryMath})
 * @param usableGiBPerGpu    VRAM x utilization
 * @param kvCacheGiBPerGpu   what is left for the KV cache (usable - weights - reserve; negative when weights overflow)
 * @param kvNeededGiBPerGpu  KV cache one sequence of maxModelLen tokens needs
 * @param maxModelLen        the context the recipe asks for
 * @param maxFittingContext  the longest context that fits, rounded down to {@link MemoryMath#CONTEXT_STEP}
 * @param utilization        the gpu-memory-utilization (or SGLang mem-fraction-static) used
 * @param vramGiB            VRAM per GPU
 * @param gpus               tensor-parallel size
 */
public record MemoryEstimate(double weightsGiBPerGpu, double reserveGiBPerGpu, double usableGiBPerGpu,
                             double kvCacheGiBPerGpu, double kvNeededGiBPerGpu, int maxModelLen,
                             int maxFittingContext, double utilization, double vramGiB, int gpus) {

    public boolean weightsFit() {
        return kvCacheGiBPerGpu > 0;
    }

    public boolean fitsFullContext() {
        return kvNeededGiBPerGpu <= kvCacheGiBPerGpu;
    }

    public boolean fitsAtLeast(int tokens) {
        return maxFittingContext >= tokens;
    }

    public double totalWeightsGiB() {
        return weightsGiBPerGpu * gpus;
    }
}
