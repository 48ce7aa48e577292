package aimengine.model;

import static aimengine.model.ConfigFixtures.assertWithinOnePercent;
import static aimengine.model.ConfigFixtures.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.data.DataLoader;
import aimengine.data.DataOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped model catalog (models/ at the project root) against published model sizes. */
class ModelCatalogTest {
    private static final ModelCatalog CATALOG = new DataLoader(DataOptions.builtins()).models();

    private static ModelFacts find(String id) {
        return CATALOG.find(id).orElseThrow(() -> new AssertionError(id + " is not in the shipped model catalog"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "meta-llama/Llama-3.1-8B-Instruct,              8.03,  8.03",
        "meta-llama/Llama-3.1-70B-Instruct,             70.6,  70.6",
        "meta-llama/Llama-3.3-70B-Instruct,             70.6,  70.6",
        "meta-llama/Llama-3.1-405B-Instruct,            405.9, 405.9",
        "amd/Llama-3.1-405B-Instruct-FP8-KV,            405.9, 405.9",
        "meta-llama/Llama-3.2-1B-Instruct,              1.24,  1.24",
        "meta-llama/Llama-3.2-3B-Instruct,              3.21,  3.21",
        "Qwen/Qwen3-8B,                                 8.19,  8.19",
        "Qwen/Qwen3-32B,                                32.76, 32.76",
        "Qwen/Qwen3-30B-A3B,                            30.53, 3.35",
        "Qwen/Qwen3-235B-A22B,                          235,   22",
        "deepseek-ai/DeepSeek-V3,                       671.0, 37.6",
        "deepseek-ai/DeepSeek-R1-0528,                  671.0, 37.6",
        "deepseek-ai/DeepSeek-R1-Distill-Qwen-32B,      32.8,  32.8",
        "mistralai/Mixtral-8x7B-Instruct-v0.1,          46.7,  12.9",
        "mistralai/Mixtral-8x22B-Instruct-v0.1,         140.6, 39",
        "mistralai/Mistral-Nemo-Base-2407,              12.2,  12.2",
        "CohereLabs/command-a-reasoning-08-2025,        111,   111",
    })
    void matchesThePublishedSize(String id, double totalBillions, double activeBillions) {
        ModelFacts facts = find(id);

        assertWithinOnePercent(id + " total", totalBillions, facts.totalParameters());
        assertWithinOnePercent(id + " active", activeBillions, facts.activeParameters());
    }

    /**
     * OpenAI's model card counts active parameters without the input embedding table (201088 x 2880); the catalog's
     * active count includes it, like the other authors' counts do.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "openai/gpt-oss-120b, 116.8, 5.1",
        "openai/gpt-oss-20b,  20.9,  3.6",
    })
    void gptOssMatchesOpenAisCounts(String id, double totalBillions, double activeWithoutEmbeddingBillions) {
        ModelFacts facts = find(id);
        long inputEmbedding = 201088L * facts.hiddenSize();

        assertWithinOnePercent(id + " total", totalBillions, facts.totalParameters());
        assertWithinOnePercent(id + " active without the input embedding", activeWithoutEmbeddingBillions,
                facts.activeParameters() - inputEmbedding);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Qwen/Qwen3-32B,                   Qwen3-32B.config.json",
        "Qwen/Qwen3-8B,                    Qwen3-8B.config.json",
        "Qwen/Qwen3-30B-A3B,               Qwen3-30B-A3B.config.json",
        "meta-llama/Llama-3.1-8B-Instruct, Llama-3.1-8B.config.json",
        "deepseek-ai/DeepSeek-R1-0528,     DeepSeek-V3.config.json",
        "mistralai/Mistral-Nemo-Base-2407, Mistral-Nemo-Base-2407.config.json",
    })
    void entriesCopiedFromARealConfigGiveTheSameFacts(String id, String file) {
        ModelFacts fromConfig = ConfigFacts.from(id, config(file), file);

        assertEquals(shape(fromConfig), shape(find(id)));
    }

    @Test
    void aliasesFindTheSameModelUnderTheirOwnId() {
        ModelFacts alias = find("AMD/llama-3.1-405b-instruct-fp8-kv");

        assertEquals("amd/Llama-3.1-405B-Instruct-FP8-KV", alias.id());
        assertEquals(shape(find("meta-llama/Llama-3.1-405B-Instruct")), shape(alias));
    }

    @Test
    void multimodalEntriesAreReadFromTheirTextConfig() {
        ModelFacts facts = find("mistralai/Mistral-Small-3.2-24B-Instruct-2506");

        assertEquals("mistral", facts.architecture());
        assertTrue(facts.totalParameters() > 23_000_000_000L && facts.totalParameters() < 24_000_000_000L,
                "the language model alone is 23.6B of the published 24B");
    }

    private static List<Object> shape(ModelFacts f) {
        return List.of(f.architecture(), f.totalParameters(), f.activeParameters(), f.layers(), f.attentionHeads(),
                f.kvHeads(), f.headDim(), f.hiddenSize(), f.maxContext(), f.nativeDtype(),
                String.valueOf(f.quantization()), f.kvLoraRank(), f.qkRopeHeadDim());
    }
}
