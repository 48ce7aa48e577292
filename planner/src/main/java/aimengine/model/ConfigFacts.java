package aimengine.model;

import aimengine.io.InputException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns a Hugging Face config.json into {@link ModelFacts}. Multimodal configs nest the language model under
 * text_config; the fields are read from there.
 */
public final class ConfigFacts {
    private ConfigFacts() {
    }

    public static ModelFacts from(String id, JsonNode config, String source) {
        JsonNode c = config.has("text_config") && config.get("text_config").isObject() ? config.get("text_config") : config;
        int hidden = required(c, "hidden_size", source);
        int heads = required(c, "num_attention_heads", source);
        int layers = required(c, "num_hidden_layers", source);
        int kvHeads = optionalPositive(c, "num_key_value_heads", heads, source);
        int headDim = optionalPositive(c, "head_dim", hidden / heads, source);
        if (c.hasNonNull("max_position_embeddings") && c.get("max_position_embeddings").asLong() < 0) {
            throw new InputException(source, 0, "model config field max_position_embeddings is "
                    + c.get("max_position_embeddings") + "; a context length cannot be negative");
        }
        ParameterCount.Count count = ParameterCount.of(c);
        if (count.total() <= 0 || count.active() <= 0 || count.active() > count.total()) {
            throw new InputException(source, 0, "model config fields give " + count.total() + " parameters ("
                    + count.active() + " active); check hidden_size, intermediate_size, vocab_size and the expert"
                    + " fields for negative or absurd values");
        }
        String dtype = c.path("torch_dtype").asText(config.path("torch_dtype").asText(c.path("dtype").asText("bfloat16")));
        JsonNode quant = config.path("quantization_config");
        String quantization = quant.isObject() ? quant.path("quant_method").asText(null) : null;
        JsonNode block = quant.path("weight_block_size");
        CheckpointShape shape = new CheckpointShape(precision(quant, dtype), c.path("intermediate_size").asInt(0),
                c.path("moe_intermediate_size").asInt(0),
                firstInt(c, "n_routed_experts", "num_experts", "num_local_experts"),
                block.isArray() && block.size() == 2 ? block.get(0).asInt(0) : 0,
                block.isArray() && block.size() == 2 ? block.get(1).asInt(0) : 0);
        return new ModelFacts(id, c.path("model_type").asText(config.path("model_type").asText("unknown")),
                count.total(), count.active(), layers, heads, kvHeads, headDim, hidden,
                c.path("max_position_embeddings").asInt(0), dtype, quantization,
                c.path("kv_lora_rank").asInt(0), c.path("qk_rope_head_dim").asInt(0), source, shape);
    }

    /**
     * The precision the checkpoint's weights are stored in: quantization_config when there is one (fp8, mxfp4,
     * AWQ/GPTQ by their bits, compressed-tensors by its weight scheme), else torch_dtype (float32 checkpoints are
     * served in fp16, as the engines' --dtype auto does). Null for a quantization aim-engine does not know.
     */
    static String precision(JsonNode quant, String dtype) {
        if (!quant.isObject()) {
            return switch (dtype) {
                case "bfloat16" -> "bf16";
                case "float16", "float32", "half", "float" -> "fp16";
                default -> null;
            };
        }
        String method = quant.path("quant_method").asText("");
        return switch (method) {
            case "fp8", "fbgemm_fp8", "ptpc_fp8" -> "fp8";
            case "mxfp4" -> "mxfp4";
            case "awq", "gptq", "awq_marlin", "gptq_marlin" -> intBits(quant.path("bits").asInt(0));
            case "compressed-tensors" -> compressedTensors(quant);
            default -> null;
        };
    }

    private static String intBits(int bits) {
        return bits == 4 ? "int4" : bits == 8 ? "int8" : null;
    }

    /** compressed-tensors names its weight scheme per config group; one scheme for all groups is understood. */
    private static String compressedTensors(JsonNode quant) {
        String found = null;
        for (JsonNode group : quant.path("config_groups")) {
            JsonNode w = group.path("weights");
            int bits = w.path("num_bits").asInt(0);
            String p = "float".equals(w.path("type").asText()) ? (bits == 8 ? "fp8" : null) : intBits(bits);
            if (p == null || found != null && !found.equals(p)) {
                return null;
            }
            found = p;
        }
        return found;
    }

    private static int firstInt(JsonNode c, String... names) {
        for (String name : names) {
            if (c.hasNonNull(name)) {
                return c.get(name).asInt(0);
            }
        }
        return 0;
    }

    /** A field that may be absent (then {@code absent}) but, when given, must be a positive whole number. */
    private static int optionalPositive(JsonNode c, String field, int absent, String source) {
        JsonNode value = c.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.canConvertToInt() || value.asInt() <= 0) {
            throw new InputException(source, 0, "model config field " + field + " is " + value
                    + "; it must be a whole number above zero");
        }
        return value.asInt();
    }

    private static int required(JsonNode c, String field, String source) {
        JsonNode value = c.get(field);
        if (value == null || !value.canConvertToInt() || value.asInt() <= 0) {
            throw new InputException(source, 0,
                    "model config lacks a positive '" + field + "'; is this a causal language model config.json?");
        }
        return value.asInt();
    }
}
