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
        return new ModelFacts(id, c.path("model_type").asText(config.path("model_type").asText("unknown")),
                count.total(), count.active(), layers, heads, kvHeads, headDim, hidden,
                c.path("max_position_embeddings").asInt(0), dtype, quantization,
                c.path("kv_lora_rank").asInt(0), c.path("qk_rope_head_dim").asInt(0), source);
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
