package aimengine.model;

/**
 * What a checkpoint's config.json says about how its weights are stored and split, as far as planning needs it.
 *
 * @param precision           storage precision key (bf16, fp16, fp8, mxfp4, int4, int8), null when the
 *                            quantization_config is not one aim-engine understands
 * @param intermediateSize    intermediate_size of the dense MLP (0 when absent)
 * @param moeIntermediateSize moe_intermediate_size of each expert (0 for dense models)
 * @param experts             routed experts per MoE layer (0 for dense models)
 * @param weightBlockN        FP8 block quantization: output block (weight_block_size[0]), 0 when not block-quantized
 * @param weightBlockK        FP8 block quantization: input block (weight_block_size[1]), 0 when not block-quantized
 */
public record CheckpointShape(String precision, int intermediateSize, int moeIntermediateSize, int experts,
                              int weightBlockN, int weightBlockK) {

    /** A dense 16-bit checkpoint without block quantization: what hand-made test facts usually mean. */
    public static CheckpointShape plain(String precision) {
        return new CheckpointShape(precision, 0, 0, 0, 0, 0);
    }

    public boolean blockQuantized() {
        return weightBlockN > 0 && weightBlockK > 0;
    }

    /**
     * The first dimension tensor parallelism would split off the weight blocks, described for the explanation, or
     * null when every split stays a multiple of the block. The engines shard the MLP (and each expert's MLP)
     * intermediate dimension over TP and refuse to load a block-quantized checkpoint whose shard is not a multiple
     * of the block (vLLM: "is not divisible by weight quantization block").
     */
    public String blockMisalignment(int tensorParallel) {
        if (!blockQuantized()) {
            return null;
        }
        String dense = misaligned("intermediate_size", intermediateSize, tensorParallel);
        return dense != null ? dense : misaligned("moe_intermediate_size", moeIntermediateSize, tensorParallel);
    }

    private String misaligned(String name, int size, int tp) {
        if (size <= 0) {
            return null;
        }
        if (size % tp == 0 && (size / tp) % weightBlockN == 0 && (size / tp) % weightBlockK == 0) {
            return null;
        }
        return name + " " + size + " / " + tp + " GPUs = " + (size % tp == 0 ? String.valueOf(size / tp)
                : String.format("%.1f", (double) size / tp)) + ", not a multiple of the " + weightBlockN + " x "
                + weightBlockK + " weight block";
    }
}
