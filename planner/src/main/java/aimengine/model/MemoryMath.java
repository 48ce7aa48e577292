package aimengine.model;

import aimengine.hardware.Precision;

/**
 * The memory arithmetic the fit rules ask for. vLLM reserves VRAM x gpu-memory-utilization per GPU; weights
 * (split by tensor parallelism), an activation reserve and the KV cache must fit in it, and start-up fails unless
 * one sequence of max-model-len tokens fits in the KV cache. The constants come from the {@link FitPolicy} the rules
 * hold.
 *
 * <p>Activation reserve per GPU = runtime reserve (HIP/CUDA context, graphs, communication buffers) + one prefill
 * chunk of tokens x hidden_size x 2 bytes x live intermediate tensors, divided by the tensor-parallel size.
 */
public final class MemoryMath {
    public static final double GIB = 1024.0 * 1024 * 1024;

    private MemoryMath() {
    }

    public static double weightsGiBPerGpu(long parameters, Precision precision, int gpus) {
        return parameters * precision.bytesPerParameter() / gpus / GIB;
    }

    public static double usableGiBPerGpu(long vramMiB, double utilization) {
        return vramMiB / 1024.0 * utilization;
    }

    public static double reserveGiBPerGpu(FitPolicy p, int hiddenSize, int gpus) {
        return p.runtimeReserveGiB()
                + (double) p.prefillChunkTokens() * hiddenSize * 2 * p.activationFactor() / gpus / GIB;
    }

    /**
     * KV-cache bytes one token costs on one GPU. GQA: 2 (K and V) x layers x max(1, kv_heads / TP) x head_dim x
     * dtype bytes (above TP = kv_heads each GPU still holds one whole KV head: the engine replicates them).
     * MLA: one latent of (kv_lora_rank + qk_rope_head_dim) per layer, replicated on every GPU.
     */
    public static double kvBytesPerTokenPerGpu(ModelFacts m, int gpus, double kvDtypeBytes) {
        if (m.hasMla()) {
            return (double) m.layers() * (m.kvLoraRank() + m.qkRopeHeadDim()) * kvDtypeBytes;
        }
        double kvHeadsPerGpu = Math.max(1.0, Math.ceil((double) m.kvHeads() / gpus));
        return 2.0 * m.layers() * kvHeadsPerGpu * m.headDim() * kvDtypeBytes;
    }

    public static MemoryEstimate estimate(FitPolicy policy, ModelFacts m, Precision precision, int gpus, long vramMiB,
                                          double utilization, int maxModelLen, double kvDtypeBytes) {
        return budget(policy, weightsGiBPerGpu(m.totalParameters(), precision, gpus),
                reserveGiBPerGpu(policy, m.hiddenSize(), gpus), kvBytesPerTokenPerGpu(m, gpus, kvDtypeBytes),
                gpus, vramMiB, utilization, maxModelLen);
    }

    /**
     * The budget per GPU from its weights, activation reserve and per-token KV cost: what is left for the KV cache
     * and the longest context (in the policy's steps) that fits in it. Shared with {@link PipelineMemoryMath}.
     */
    static MemoryEstimate budget(FitPolicy policy, double weights, double reserve, double perToken, int gpus,
                                 long vramMiB, double utilization, int maxModelLen) {
        double usable = usableGiBPerGpu(vramMiB, utilization);
        double kvAvailable = usable - weights - reserve;
        double kvNeeded = perToken * maxModelLen / GIB;
        long fittingTokens = kvAvailable <= 0 ? 0 : (long) (kvAvailable * GIB / perToken);
        int step = policy.contextStep();
        int maxFitting = (int) Math.min(maxModelLen, fittingTokens / step * step);
        return new MemoryEstimate(weights, reserve, usable, kvAvailable, kvNeeded, maxModelLen, maxFitting,
                utilization, vramMiB / 1024.0, gpus);
    }
}
