package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.CliRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.approvaltests.Approvals;
import org.junit.jupiter.api.Test;

/** `recipes list|show|lint` on a small test folder; --no-builtin-recipes keeps the shipped recipes out of it. */
class RecipesCommandTest {
    private static final String[] SMALL = {"--no-builtin-recipes", "--recipes", "src/test/resources/recipes-small"};

    private static CliRunner.Result run(String... args) {
        String[] all = new String[args.length + SMALL.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(SMALL, 0, all, args.length, SMALL.length);
        return CliRunner.withTestHome().run(all);
    }

    @Test
    void listText() {
        CliRunner.Result r = run("recipes", "list");
        assertEquals(0, r.exit(), r.all());
        Approvals.verify(r.out());
    }

    @Test
    void listJson() {
        CliRunner.Result r = run("recipes", "list", "--output", "json");
        assertEquals(0, r.exit(), r.all());
        Approvals.verify(r.out());
    }

    @Test
    void listFiltersByHardwareAndModel() throws Exception {
        JsonNode byHardware = new ObjectMapper().readTree(run("recipes", "list", "--hardware", "MI325X", "-o", "json").out());
        assertEquals(2, byHardware.get("recipes").size());
        byHardware.get("recipes").forEach(r -> assertEquals("mi325x", r.get("hardware").asText()));
        JsonNode byModel = new ObjectMapper().readTree(run("recipes", "list", "--model", "llama-3.1-70b", "-o", "json").out());
        assertEquals(1, byModel.get("recipes").size());
        assertEquals("llama-3.1-70b-mi325x-fp8", byModel.get("recipes").get(0).get("id").asText());
    }

    @Test
    void listRefusesUnknownHardware() {
        CliRunner.Result r = run("recipes", "list", "--hardware", "mi301x");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown hardware 'mi301x'; known: "), r.err());
    }

    @Test
    void showSeedRecipeText() {
        CliRunner.Result r = run("recipes", "show", "qwen3-32b-mi300x-bf16");
        assertEquals(0, r.exit(), r.all());
        Approvals.verify(r.out());
    }

    @Test
    void showAimProfileJson() {
        CliRunner.Result r = run("recipes", "show", "openai/gpt-oss-20b/vllm-mi300x-mxfp4-tp1-throughput", "-o", "json");
        assertEquals(0, r.exit(), r.all());
        Approvals.verify(r.out());
    }

    @Test
    void showUnknownIdSuggestsTheClosest() {
        CliRunner.Result r = run("recipes", "show", "qwen3-32b-mi300x-bf61");
        assertEquals(2, r.exit());
        assertEquals("error: unknown recipe 'qwen3-32b-mi300x-bf61'; did you mean 'qwen3-32b-mi300x-bf16'?\n", r.err());
    }

    @Test
    void lintOfACleanFolderExitsZero() {
        CliRunner.Result r = CliRunner.withTestHome().run("recipes", "lint", "--no-builtin-recipes", "src/test/resources/recipes-small");
        assertEquals(0, r.exit(), r.all());
        assertEquals("4 files, 4 recipes checked against vllm v0.19.0 and sglang v0.5.18: clean\n", r.out());
    }

    @Test
    void lintWarningsAloneExitZero() {
        CliRunner.Result r = CliRunner.withTestHome().run("recipes", "lint", "src/test/resources/lint/removed-flag.yaml");
        assertEquals(0, r.exit(), r.all());
        assertEquals("""
                src/test/resources/lint/removed-flag.yaml:7: warning: '--swap-space' was removed after vllm v0.16.0 \
                (vllm v0.19.0 refuses it); remove it or pin that engine version
                1 file, 1 recipe checked against vllm v0.19.0 and sglang v0.5.18: 0 errors, 1 warning
                """, r.out());
    }

    @Test
    void lintAgainstAnOlderEngineVersion() {
        CliRunner.Result r = CliRunner.withTestHome().run("recipes", "lint", "--engine-version", "vllm=0.16.0",
                "src/test/resources/lint/removed-flag.yaml");
        assertEquals(0, r.exit(), r.all());
        assertEquals("1 file, 1 recipe checked against vllm v0.16.0 and sglang v0.5.18: clean\n", r.out());
    }

    @Test
    void lintRefusesAVersionWithoutCatalog() {
        CliRunner.Result r = CliRunner.withTestHome().run("recipes", "lint", "--engine-version", "vllm=0.15.0",
                "src/test/resources/lint/removed-flag.yaml");
        assertEquals(2, r.exit());
        assertEquals("error: --engine-version vllm=0.15.0: no vllm flag catalog for 0.15.0; shipped: "
                + "v0.11-main-2025-10-02, v0.16.0, v0.19.0\n", r.err());
    }

    @Test
    void lintJsonCountsFindings() throws Exception {
        CliRunner.Result r = CliRunner.withTestHome().run("recipes", "lint", "-o", "json", "src/test/resources/broken/recipes/switch-yes.yaml",
                "src/test/resources/lint/removed-flag.yaml");
        assertEquals(2, r.exit(), r.all());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(1, json.get("errors").asInt());
        assertEquals(1, json.get("warnings").asInt());
        assertEquals("v0.19.0", json.get("engines").get("vllm").asText());
        assertEquals("src/test/resources/broken/recipes/switch-yes.yaml", json.get("findings").get(0).get("file").asText());
        assertEquals("switch-yes", json.get("findings").get(0).get("recipe").asText());
    }

    @Test
    void recipesAloneAsksForASubcommand() {
        CliRunner.Result r = CliRunner.withTestHome().run("recipes");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: a subcommand is required: list, show or lint"), r.err());
    }
}
