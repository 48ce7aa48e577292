package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.CliRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/custom-hardware: a platform team adds a GPU with a hardware entry, a DRL file and a recipe, no Java. */
class CustomHardwareExampleTest {
    private static final String EXAMPLE = "../examples/custom-hardware/";

    @TempDir
    Path home;

    @Test
    void withoutTheAdditionsTheHostIsRefused() {
        CliRunner.Result r = new CliRunner(home).run("plan", "Qwen/Qwen3-8B", "--host", EXAMPLE + "hosts/w7900-4.yaml");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("w7900-4.yaml:4: no product in the hardware catalog has PCI device id 0x7448"), r.err());
    }

    @Test
    void theAdditionsChangeThePlan() throws Exception {
        CliRunner.Result r = new CliRunner(home).run("plan", "Qwen/Qwen3-8B", "--host", EXAMPLE + "hosts/w7900-4.yaml",
                "--rules", EXAMPLE + "rules", "--recipes", EXAMPLE + "recipes", "--output", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode plan = new ObjectMapper().readTree(r.out());
        assertEquals("radeon-pro-w7900", plan.at("/host/product").asText());
        assertEquals("qwen3-8b-radeon-pro-w7900-bf16", plan.at("/selected/recipe").asText());
        // Latency prefers the most GPUs; the site rule in the added DRL file rejects four.
        assertEquals(2, plan.at("/selected/gpuCount").asInt());
        assertEquals("0", plan.at("/selected/env/VLLM_ROCM_USE_AITER").asText());
        boolean fourRejectedBySiteRule = false;
        for (JsonNode c : plan.get("candidates")) {
            if (c.get("gpuCount").asInt() == 4 && c.get("recipe").asText().contains("w7900")) {
                fourRejectedBySiteRule = c.get("rule").asText().equals("site/pcie-tensor-parallel-limit");
            }
        }
        assertTrue(fourRejectedBySiteRule, r.out());
    }
}
