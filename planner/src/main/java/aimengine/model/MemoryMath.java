package aimengine.model;

import aimengine.hardware.Precision;

/**
 * The memory arithmetic the fit rules ask for. vLLM reserves VRAM x gpu-memory-utilization per GPU; weights
 * (split by tensor parallelism), an activation reserve and the KV cache must fit in it, and start-up fails unless
 * one sequence of max-model-len tokens fits in the KV cache.
 *
 * <p>Activation reserve per GPU = {@value #RUNTIME_RESERVE_GIB} GiB (HIP/CUDA context, graphs, communication
 * buffers) + one prefill chunk of {@value #PREFILL_CHUNK_TOKENS} tokens x hidden_size x 2 bytes x
 * {@value #ACTIVATION_FACTOR} live intermediate tensors, divided by the tensor-parallel size.
 */
public final class MemoryMath {
    public static final double GIB = 1024.0 * 1024 * 1024;
    public static final double RUNTIME_RESERVE_GIB = 2.0;
    public static final int PREFILL_CHUNK_TOKENS = 8192;
    public static final int ACTIVATION_FACTOR = 18;
    /** A context shorter than this is not worth serving; such a candidate is rejected instead of hinted. */
    public static final int MIN_USEFUL_CONTEXT = 2048;
    /** Context hints are rounded down to a multiple of this, as engines allocate KV blocks in such steps. */
    public static final int CONTEXT_STEP = 1024;

    private MemoryMath() {
    }

    public static double weightsGiBPerGpu(long parameters, Precision precision, int gpus) {
        return parameters * precision.bytesPerParameter() / gpus / GIB;
    }

    public static double usableGiBPerGpu(long vramMiB, double utilization) {
        return vramMiB / 1024.0 * utilization;
    }

    public static double reserveGiBPerGpu(int hiddenSize, int gpus) {
        return RUNTIME_RESERVE_GIB + (double) PREFILL_CHUNK_TOKENS * hiddenSize * 2 * ACTIVATION_FACTOR / gpus / GIB;
    }

    /**
     * KV-cache bytes one token costs on one GPU. GQA: 2 (K and V) x layers x max(1, kv_heads / TP) x head_dim x
     * dtype bytes. MLA: one latent of (kv_lora_rank + qk_rope_head_dim) per layer, replicated on every GPU.
     */
    public static double kvBytesPerTokenPerGpu(ModelFacts m, int gpus, double kvDtypeBytes) {
        if (m.hasMla()) {
            return (double) m.layers() * (m.kvLoraRank() + m.qkRopeHeadDim()) * kvDtypeBytes;
        }
        double kvHeadsPerGpu = Math.max(1.0, Math.ceil((double) m.kvHeads() / gpus));
        return 2.0 * m.layers() * kvHeadsPerGpu * m.headDim() * kvDtypeBytes;
    }

    public static MemoryEstimate estimate(ModelFacts m, Precision precision, int gpus, long vramMiB,
                                          double utilization, int maxModelLen, double kvDtypeBytes) {
        double weights = weightsGiBPerGpu(m.totalParameters(), precision, gpus);
        double usable = usableGiBPerGpu(vramMiB, utilization);
        double reserve = reserveGiBPerGpu(m.hiddenSize(), gpus);
        double perToken = kvBytesPerTokenPerGpu(m, gpus, kvDtypeBytes);
        double kvAvailable = usable - weights - reserve;
        double kvNeeded = perToken * maxModelLen / GIB;
        long fittingTokens = kvAvailable <= 0 ? 0 : (long) (kvAvailable * GIB / perToken);
        int maxFitting = (int) Math.min(maxModelLen, fittingTokens / CONTEXT_STEP * CONTEXT_STEP);
        return new MemoryEstimate(weights, reserve, usable, kvAvailable, kvNeeded, maxModelLen, maxFitting,
                utilization, vramMiB / 1024.0, gpus);
    }
}
