package aimengine.model;

import static aimengine.model.ConfigFixtures.assertWithinOnePercent;
import static aimengine.model.ConfigFixtures.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parameter counts from real config.json files against the sizes the model authors publish. */
class ParameterCountTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Llama-3.1-8B.config.json,           8.03,  8.03",
        "Qwen3-8B.config.json,               8.19,  8.19",
        "Qwen3-32B.config.json,              32.76, 32.76",
        "Qwen3-30B-A3B.config.json,          30.53, 3.35",
        "DeepSeek-V3.config.json,            671.0, 37.6",
        "Mistral-Nemo-Base-2407.config.json, 12.2,  12.2",
    })
    void matchesThePublishedSize(String file, double totalBillions, double activeBillions) {
        ParameterCount.Count count = ParameterCount.of(config(file));

        assertWithinOnePercent(file + " total", totalBillions, count.total());
        assertWithinOnePercent(file + " active", activeBillions, count.active());
    }

    @Test
    void tiedEmbeddingsAreCountedOnce() {
        JsonNode untied = config("Llama-3.1-8B.config.json");
        ObjectNode tied = untied.deepCopy();
        tied.put("tie_word_embeddings", true);

        long difference = ParameterCount.of(untied).total() - ParameterCount.of(tied).total();

        assertEquals(128256L * 4096, difference);
    }

    @Test
    void deepSeekFactsCarryTheLatentAttentionAndTheCheckpointQuantisation() {
        ModelFacts facts = ConfigFacts.from("deepseek-ai/DeepSeek-V3", config("DeepSeek-V3.config.json"), "test");

        assertEquals("deepseek_v3", facts.architecture());
        assertTrue(facts.hasMla());
        assertEquals(512, facts.kvLoraRank());
        assertEquals(64, facts.qkRopeHeadDim());
        assertEquals("fp8", facts.quantization());
        assertTrue(facts.isMoe());
    }
}
