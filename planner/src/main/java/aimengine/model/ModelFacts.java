package aimengine.model;

/**
 * What the planner knows about a model, from its config.json (or the shipped catalog).
 *
 * @param id                  Hugging Face id, e.g. "Qwen/Qwen3-32B"
 * @param architecture        config.json model_type, e.g. "qwen3", "deepseek_v3"
 * @param totalParameters     all weights (every expert of a MoE model: all are resident)
 * @param activeParameters    weights used per token (equals total for dense models)
 * @param layers              num_hidden_layers
 * @param attentionHeads      num_attention_heads
 * @param kvHeads             num_key_value_heads (equals attention heads without GQA)
 * @param headDim             head_dim, else hidden_size / num_attention_heads
 * @param hiddenSize          hidden_size
 * @param maxContext          max_position_embeddings
 * @param nativeDtype         torch_dtype, e.g. "bfloat16"
 * @param quantization        checkpoint quantization (quant_method), or null
 * @param kvLoraRank          MLA latent rank (DeepSeek), 0 when the model has no MLA
 * @param qkRopeHeadDim       MLA rotary part of the key, 0 without MLA
 * @param source              where these facts came from (a config.json path or the catalog file)
 * @param shape               the checkpoint's precision and the sizes tensor parallelism splits
 */
public record ModelFacts(String id, String architecture, long totalParameters, long activeParameters, int layers,
                         int attentionHeads, int kvHeads, int headDim, int hiddenSize, int maxContext,
                         String nativeDtype, String quantization, int kvLoraRank, int qkRopeHeadDim, String source,
                         CheckpointShape shape) {

    public boolean isMoe() {
        return activeParameters < totalParameters;
    }

    public boolean hasMla() {
        return kvLoraRank > 0;
    }

    /** The precision the checkpoint is stored in (bf16, fp16, fp8, mxfp4, int4, int8), null when not understood. */
    public String checkpointPrecision() {
        return shape.precision();
    }

    /**
     * How many GPUs hold each KV head at this tensor-parallel size: 1 while TP <= KV heads; above, the engine
     * replicates each KV head on TP / KV heads GPUs (MLA's latent is on every GPU anyway; that is counted apart).
     */
    public int kvHeadReplication(int tensorParallel) {
        return hasMla() || tensorParallel <= kvHeads ? 1 : tensorParallel / kvHeads;
    }

    public ModelFacts withId(String newId) {
        return new ModelFacts(newId, architecture, totalParameters, activeParameters, layers, attentionHeads, kvHeads,
                headDim, hiddenSize, maxContext, nativeDtype, quantization, kvLoraRank, qkRopeHeadDim, source, shape);
    }

    /** The same model with an exact parameter count (dense models: the safetensors headers). */
    public ModelFacts withParameters(long parameters, String newSource) {
        return new ModelFacts(id, architecture, parameters, parameters, layers, attentionHeads, kvHeads, headDim,
                hiddenSize, maxContext, nativeDtype, quantization, kvLoraRank, qkRopeHeadDim, newSource, shape);
    }
}
