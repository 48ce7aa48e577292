package aimengine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The checkpoint's precision and split dimensions, as config.json states them. */
class CheckpointShapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void realConfigs() {
        ModelFacts deepseek = ConfigFacts.from("deepseek-ai/DeepSeek-V3", ConfigFixtures.config("DeepSeek-V3.config.json"), "t");
        assertEquals("fp8", deepseek.checkpointPrecision());
        assertEquals(new CheckpointShape("fp8", 18432, 2048, 256, 128, 128), deepseek.shape());
        ModelFacts qwen = ConfigFacts.from("Qwen/Qwen3-8B", ConfigFixtures.config("Qwen3-8B.config.json"), "t");
        assertEquals("bf16", qwen.checkpointPrecision());
        assertEquals(0, qwen.shape().weightBlockN());
    }

    @Test
    void quantizationConfigDecidesThePrecision() throws Exception {
        assertEquals("int4", ConfigFacts.precision(json("{\"quant_method\": \"awq\", \"bits\": 4}"), "float16"));
        assertEquals("int8", ConfigFacts.precision(json("{\"quant_method\": \"gptq\", \"bits\": 8}"), "float16"));
        assertEquals("mxfp4", ConfigFacts.precision(json("{\"quant_method\": \"mxfp4\"}"), "bfloat16"));
        assertEquals("fp8", ConfigFacts.precision(json("{\"quant_method\": \"compressed-tensors\", \"config_groups\": "
                + "{\"group_0\": {\"weights\": {\"num_bits\": 8, \"type\": \"float\"}}}}"), "bfloat16"));
        assertNull(ConfigFacts.precision(json("{\"quant_method\": \"bitsandbytes\"}"), "bfloat16"));
        assertNull(ConfigFacts.precision(json("{\"quant_method\": \"gptq\", \"bits\": 3}"), "float16"));
        assertEquals("fp16", ConfigFacts.precision(json("null"), "float16"));
        assertEquals("fp16", ConfigFacts.precision(json("null"), "float32"));
    }

    @Test
    void blockMisalignmentNamesTheDimension() {
        CheckpointShape qwenMoeFp8 = new CheckpointShape("fp8", 12288, 1536, 128, 128, 128);
        assertNull(qwenMoeFp8.blockMisalignment(4));
        assertTrue(qwenMoeFp8.blockMisalignment(8).startsWith("moe_intermediate_size 1536 / 8 GPUs = 192"));
        assertNull(CheckpointShape.plain("bf16").blockMisalignment(8), "no blocks, nothing to keep whole");
        assertTrue(new CheckpointShape("fp8", 1000, 0, 0, 128, 128).blockMisalignment(3)
                .startsWith("intermediate_size 1000 / 3 GPUs = 333.3"));
    }
}
