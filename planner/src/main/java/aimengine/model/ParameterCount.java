package aimengine.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Counts weights from config.json fields, following the architecture of the decoder families we serve:
 * embeddings, per-layer attention (GQA or DeepSeek MLA), dense or mixture-of-experts MLP, and norms.
 * Biases are ignored (under 0.1% for these models).
 */
public final class ParameterCount {
    public record Count(long total, long active) {
    }

    private ParameterCount() {
    }

    public static Count of(JsonNode c) {
        long h = c.path("hidden_size").asLong();
        long heads = c.path("num_attention_heads").asLong();
        long layers = c.path("num_hidden_layers").asLong();
        long kv = c.path("num_key_value_heads").asLong(heads);
        long hd = c.hasNonNull("head_dim") ? c.get("head_dim").asLong() : h / heads;
        long vocab = c.path("vocab_size").asLong();
        boolean tied = c.path("tie_word_embeddings").asBoolean(false);

        long embeddings = vocab * h * (tied ? 1 : 2);
        long attention = c.path("kv_lora_rank").asLong(0) > 0 ? mlaAttention(c, h, heads) : h * heads * hd + 2 * h * kv * hd + heads * hd * h;
        long qkNorm = c.path("model_type").asText("").startsWith("qwen3") ? 2 * hd : 0;
        long norms = 2 * h;

        long experts = firstLong(c, "n_routed_experts", "num_experts", "num_local_experts");
        long denseMlp = 3 * h * c.path("intermediate_size").asLong();
        if (experts <= 0) {
            long perLayer = attention + qkNorm + norms + denseMlp;
            long total = embeddings + layers * perLayer + h;
            return new Count(total, total);
        }
        long expertSize = c.hasNonNull("moe_intermediate_size") ? c.get("moe_intermediate_size").asLong()
                : c.path("intermediate_size").asLong();
        long perExpert = 3 * h * expertSize;
        long shared = c.path("n_shared_experts").asLong(0) * perExpert;
        long router = h * experts;
        long topK = firstLong(c, "num_experts_per_tok", "experts_per_token", "num_experts_per_token");
        long denseLayers = Math.min(layers, c.path("first_k_dense_replace").asLong(0));
        long moeLayers = layers - denseLayers;
        long common = layers * (attention + qkNorm + norms) + denseLayers * denseMlp + moeLayers * (shared + router);
        long total = embeddings + h + common + moeLayers * experts * perExpert;
        long active = embeddings + h + common + moeLayers * topK * perExpert;
        return new Count(total, active);
    }

    /** DeepSeek multi-head latent attention: low-rank query and key/value projections plus their norms. */
    private static long mlaAttention(JsonNode c, long h, long heads) {
        long qRank = c.path("q_lora_rank").asLong(0);
        long kvRank = c.path("kv_lora_rank").asLong();
        long nope = c.path("qk_nope_head_dim").asLong();
        long rope = c.path("qk_rope_head_dim").asLong();
        long v = c.path("v_head_dim").asLong();
        long qHead = nope + rope;
        long q = qRank > 0 ? h * qRank + qRank + qRank * heads * qHead : h * heads * qHead;
        long kvDown = h * (kvRank + rope) + kvRank;
        long kvUp = kvRank * heads * (nope + v);
        long out = heads * v * h;
        return q + kvDown + kvUp + out;
    }

    private static long firstLong(JsonNode c, String... names) {
        for (String name : names) {
            if (c.hasNonNull(name)) {
                return c.get(name).asLong();
            }
        }
        return 0;
    }
}
