package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    @TempDir
    Path home;

    private CliRunner.Result plan(String... args) {
        return new CliRunner(home).run(args);
    }

    private static String host(String name) {
        return CliRunner.ROOT.resolve("examples/hosts/" + name + ".yaml").toString();
    }

    @Test
    void badFlagsAreExitTwoWithOneLine() {
        for (String[] args : new String[][] {
                {"plan", "Qwen/Qwen3-32B", "--host", host("mi300x-8"), "--precision", "fp7"},
                {"plan", "Qwen/Qwen3-32B", "--host", host("mi300x-8"), "--backend", "tgi"},
                {"plan", "Qwen/Qwen3-32B", "--host", host("mi300x-8"), "--metric", "speed"},
                {"plan", "Qwen/Qwen3-32B", "--host", host("mi300x-8"), "--gpus", "0"},
                {"plan", "Qwen/Qwen3-32B", "--host", host("mi300x-8"), "--gpus", "eight"},
                {"plan", "Qwen/Qwen3-32B", "--host", host("mi300x-8"), "--recipe", "no-such-recipe"},
                {"plan", "Qwen/Qwen3-32B", "--host", "/no/such/host.yaml"},
                {"plan"},
        }) {
            CliRunner.Result r = plan(args);
            assertEquals(2, r.exit(), String.join(" ", args) + "\n" + r.err());
            assertTrue(r.err().startsWith("error: "), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void aDrlErrorNamesFileAndLine(@TempDir Path rules) throws Exception {
        Files.writeString(rules.resolve("broken.drl"), "package aim.rules;\n\nrule \"x\"\nwhen\n    Nonsense( \nthen\nend\n");
        CliRunner.Result r = plan("plan", "Qwen/Qwen3-32B", "--host", host("mi300x-8"), "--rules", rules.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(rules.resolve("broken.drl") + ":"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    /** A site rule that loops ends planning with its file and name, exit 2; a dangling link beside it is a warning. */
    @Test
    void aLoopingSiteRuleIsStoppedAndNamed(@TempDir Path rules) throws Exception {
        Files.writeString(rules.resolve("loop.drl"), "package aim.rules.site;\nimport aimengine.facts.PlanRequest;\n\n"
                + "rule \"site/loop\"\nwhen\n    $r : PlanRequest()\nthen\n    modify($r) {}\nend\n");
        Files.createSymbolicLink(rules.resolve("gone.drl"), rules.resolve("moved-away.drl"));
        CliRunner.Result r = plan("plan", "Qwen/Qwen3-32B", "--host", host("mi300x-8"), "--rules", rules.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("warning: " + rules.resolve("gone.drl") + ": is a link to nothing: skipped", r.err().lines().findFirst().orElse(""));
        assertTrue(r.err().contains("error: " + rules.resolve("loop.drl") + ":4: rule \"site/loop\" keeps the rules firing"), r.err());
        assertEquals(2, r.err().lines().count(), r.err());
    }

    @Test
    void infeasiblePlanIsExitThreeAndStillExplains() {
        CliRunner.Result r = plan("plan", "meta-llama/Llama-3.1-405B-Instruct", "--host", host("mi210-4"), "--explain");
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.out().contains("infeasible"), r.out());
        assertTrue(r.out().contains("Incompatible:"), r.out());
    }

    @Test
    void graphPrintsTheLaunchDagInsteadOfPlanning() {
        CliRunner.Result dot = plan("plan", "Qwen/Qwen3-32B", "--graph", "dot");
        assertEquals(0, dot.exit(), dot.err());
        assertTrue(dot.out().startsWith("strict digraph launch {"), dot.out());
        assertTrue(dot.out().contains("generate -> spawn [ label=\"command\" ];"), dot.out());
        CliRunner.Result mermaid = plan("plan", "Qwen/Qwen3-32B", "--graph", "mermaid");
        assertTrue(mermaid.out().contains("await_health -->|healthy| supervise"), mermaid.out());
        assertEquals(2, plan("plan", "Qwen/Qwen3-32B", "--graph", "png").exit());
    }

    @Test
    void modelFactsFromAnExtraCatalogFolderLetAGeneralRecipeServeTheModel(@TempDir Path models) throws Exception {
        String[] args = {"plan", "example/Tiny-1B", "--host", host("mi300x-1"), "--recipes", "../testdata/aim-build/profiles/general",
            "--no-builtin-recipes"};
        assertEquals(3, plan(args).exit());
        Files.writeString(models.resolve("tiny.yaml"), "id: example/Tiny-1B\nsource: test\nconfig: {model_type: llama, "
                + "hidden_size: 2048, intermediate_size: 8192, num_hidden_layers: 16, num_attention_heads: 32, "
                + "num_key_value_heads: 8, vocab_size: 128256, max_position_embeddings: 8192, torch_dtype: bfloat16}\n");
        String[] withModels = java.util.Arrays.copyOf(args, args.length + 2);
        withModels[args.length] = "--models";
        withModels[args.length + 1] = models.toString();
        CliRunner.Result r = plan(withModels);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("recipe       vllm-mi300x-fp16-tp1-latency (general"), r.out());
    }

    /** Issue 10: a model known only from its cached config.json plans with a built-in general recipe. */
    @Test
    void aModelKnownOnlyFromItsCachedConfigPlansWithAGeneralRecipe(@TempDir Path hub) throws Exception {
        String config;
        try (var in = getClass().getResourceAsStream("/configs/Qwen3-8B.config.json")) {
            config = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        new aimengine.cache.HubTree(hub).model("example/Private-8B").blobText("c0", config)
                .link("abc", "config.json", "c0").ref("main", "abc");
        String[] args = {"plan", "example/Private-8B", "--host", host("h100-1"), "--cache-dir", hub.toString(), "--explain"};
        CliRunner.Result r = plan(args);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("recipe       general-sm90 (general recipe"), r.out());
        assertTrue(r.out().contains("vllm serve example/Private-8B --tensor-parallel-size 1"), r.out());
        CliRunner.Result missing = plan("plan", "example/Nowhere-8B", "--host", host("h100-1"), "--cache-dir", hub.toString());
        assertEquals(3, missing.exit());
        assertTrue(missing.out().contains("no facts for the model, so no recipe can be sized (") && missing.out()
                .contains("the Hugging Face cache (" + hub + ")"), missing.out());
    }

    @Test
    void debugShowsTheStackTrace() {
        CliRunner.Result r = plan("plan", "Qwen/Qwen3-32B", "--host", "/no/such/host.yaml", "--debug");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("\tat "), r.err());
    }
}
