package aimengine.model;

import aimengine.hardware.Precision;

/**
 * Memory per GPU when a model is split over pipeline stages as well as tensor-parallel shards (multi-node plans).
 * Each stage holds ceil(layers / PP) layers, so each GPU holds weights / (TP x PP) and the KV cache of its stage's
 * layers only; the activation reserve is per tensor-parallel shard as on one node (a stage still sees whole
 * prefill chunks). With PP = 1 every figure equals {@link MemoryMath#estimate}'s.
 */
public final class PipelineMemoryMath {
    private PipelineMemoryMath() {
    }

    /** Layers of the largest stage: vLLM and SGLang give the first stages the remainder. */
    public static int layersPerStage(int layers, int pipeline) {
        return (layers + pipeline - 1) / pipeline;
    }

    /** KV-cache bytes one token costs on one GPU of the largest stage. */
    public static double kvBytesPerTokenPerGpu(ModelFacts m, int tensor, int pipeline, double kvDtypeBytes) {
        double allLayers = MemoryMath.kvBytesPerTokenPerGpu(m, tensor, kvDtypeBytes);
        return allLayers / m.layers() * layersPerStage(m.layers(), pipeline);
    }

    /** The budget per GPU; its {@code gpus} is TP x PP, so "weights / gpus" reads as the whole model split. */
    public static MemoryEstimate estimate(FitPolicy policy, ModelFacts m, Precision precision, int tensor,
                                          int pipeline, long vramMiB, double utilization, int maxModelLen,
                                          double kvDtypeBytes) {
        int gpus = tensor * pipeline;
        return MemoryMath.budget(policy, MemoryMath.weightsGiBPerGpu(m.totalParameters(), precision, gpus),
                MemoryMath.reserveGiBPerGpu(policy, m.hiddenSize(), tensor),
                kvBytesPerTokenPerGpu(m, tensor, pipeline, kvDtypeBytes), gpus, vramMiB, utilization, maxModelLen);
    }
}
