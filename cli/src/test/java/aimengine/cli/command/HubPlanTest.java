package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.CliRunner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model facts from the Hub as the CLI shows them. The Hub client itself is tested against a loopback stand-in Hub
 * (planner: HubFactsTest); here the Hub is kept (aim-engine's cache), forbidden (offline) or unreachable (a closed
 * loopback port). Nothing reaches the internet.
 */
class HubPlanTest {
    private static final String CONFIG = "{\"model_type\":\"llama\",\"hidden_size\":2048,\"intermediate_size\":8192,"
            + "\"num_hidden_layers\":16,\"num_attention_heads\":32,\"num_key_value_heads\":8,\"vocab_size\":128256,"
            + "\"max_position_embeddings\":8192,\"torch_dtype\":\"bfloat16\"}";

    @TempDir
    Path home;

    private CliRunner cli() {
        return new CliRunner(home).env("AIM_CACHE", home.resolve("aim").toString())
                .env("CACHE_DIR", home.resolve("hf").toString());
    }

    private static String host() {
        return CliRunner.ROOT.resolve("examples/hosts/mi300x-1.yaml").toString();
    }

    @Test
    void factsKeptFromTheHubAreUsedOfflineAndThePlanSaysWhereFrom() throws IOException {
        Path kept = Files.createDirectories(home.resolve("aim/hub/models--example--Tiny-1B"));
        Files.writeString(kept.resolve("safetensors.json"), "{\"parameters\":{\"BF16\":1235814400},\"total\":1235814400}");
        Files.writeString(kept.resolve("config.json"), CONFIG);
        CliRunner.Result r = cli().env("HF_HUB_OFFLINE", "1").run("plan", "example/Tiny-1B", "--host", host(),
                "-o", "json");
        assertTrue(r.err().isEmpty(), r.err());
        assertTrue(r.out().contains("\"modelLookup\" : \"aim-engine's Hub cache (" + kept.resolve("config.json") + ")\""),
                r.out());
        assertTrue(r.out().contains("\"parameters\" : 1235814400"), r.out());
    }

    @Test
    void offlineWithoutFactsIsNoPlanWithTheReason() {
        CliRunner.Result r = cli().env("HF_HUB_OFFLINE", "1").run("plan", "example/Nowhere-1B", "--host", host());
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.out().contains("  model facts  unknown: example/Nowhere-1B: no facts for this model in the Hugging"
                + " Face cache (" + home.resolve("hf") + "), the model catalog or aim-engine's Hub cache, and"
                + " HF_HUB_OFFLINE=1 forbids asking the Hub"), r.out());
    }

    @Test
    void anUnreachableHubIsOneLineAndExitOne() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        CliRunner.Result r = cli().env("HF_ENDPOINT", "http://127.0.0.1:" + closed).env("HF_TOKEN", "hf_secret")
                .run("plan", "example/Nowhere-1B", "--host", host());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: example/Nowhere-1B: cannot reach the Hub at http://127.0.0.1:" + closed),
                r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.err().contains("hf_secret") || r.out().contains("hf_secret"));
    }

    @Test
    void runOfflineWithoutFactsNamesTheFlag() {
        CliRunner.Result r = cli().run("run", "example/Nowhere-1B", "--host", host(), "--offline", "--dry-run");
        assertEquals(3, r.exit(), r.err());
        assertTrue((r.out() + r.err()).contains("and --offline forbids asking the Hub"), r.out() + r.err());
    }

    @Test
    void aSecretInARecipeIsMaskedWhereverTheCommandIsShown(@TempDir Path recipes) throws IOException {
        Files.writeString(recipes.resolve("keyed.yaml"), "recipe_id: keyed\nhuggingface_id: Qwen/Qwen3-32B\n"
                + "hardware: mi300x\nprecision: bf16\nvllm_serve:\n  1_gpu: {enabled: true, args: {--api-key: sk-hidden,"
                + " --max-model-len: \"8192\"}}\n");
        for (String[] args : new String[][] {
                {"plan", "Qwen/Qwen3-32B", "--host", host(), "--recipes", recipes.toString(), "--recipe", "keyed"},
                {"plan", "Qwen/Qwen3-32B", "--host", host(), "--recipes", recipes.toString(), "--recipe", "keyed", "-o", "json"},
                {"config", "Qwen/Qwen3-32B", "--host", host(), "--recipes", recipes.toString(), "--recipe", "keyed"}}) {
            CliRunner.Result r = cli().run(args);
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("--api-key"), r.out());
            assertTrue(r.out().contains("***"), r.out());
            assertFalse(r.out().contains("sk-hidden"), r.out());
        }
    }
}
