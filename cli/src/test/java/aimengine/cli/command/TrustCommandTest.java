package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cache.HubTree;
import aimengine.cli.CliRunner;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trust policy from the command line, on a hub cache holding a model with auto_map (and an architecture no
 * engine implements), a model with only pickle weights and a model with safetensors. Their config.json files are
 * the shipped catalog's configs, with auto_map added to the first.
 */
class TrustCommandTest {
    private static final String AUTO_MAP_MODEL = "Qwen/Qwen3-32B";
    private static final String PICKLE_MODEL = "meta-llama/Llama-3.1-8B-Instruct";
    private static final String SAFETENSORS_MODEL = "meta-llama/Llama-3.3-70B-Instruct";
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path home;
    @TempDir
    Path cache;

    @BeforeEach
    void cacheWithThreeModels() throws IOException {
        HubTree tree = new HubTree(cache);
        ObjectNode custom = catalogConfig("qwen3-32b.yaml");
        custom.putArray("architectures").add("Qwen3CustomForCausalLM");
        custom.putObject("auto_map").put("AutoModelForCausalLM", "modeling_custom.Qwen3CustomForCausalLM");
        tree.model(AUTO_MAP_MODEL).blobText("c1", custom.toString()).link(COMMIT, "config.json", "c1")
                .file(COMMIT, "model.safetensors", "w1", 64).ref("main", COMMIT);
        tree.model(PICKLE_MODEL).blobText("c2", catalogConfig("llama-3.1-8b-instruct.yaml").toString())
                .link(COMMIT, "config.json", "c2").file(COMMIT, "pytorch_model.bin", "w2", 64).ref("main", COMMIT);
        tree.model(SAFETENSORS_MODEL).blobText("c3", catalogConfig("llama-3.3-70b-instruct.yaml").toString())
                .link(COMMIT, "config.json", "c3").file(COMMIT, "model-00001-of-00001.safetensors", "w3", 64)
                .file(COMMIT, "original/consolidated.00.pth", "w4", 64).ref("main", COMMIT);
    }

    private static ObjectNode catalogConfig(String file) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        return (ObjectNode) yaml.readTree(CliRunner.ROOT.resolve("models").resolve(file).toFile()).get("config");
    }

    private CliRunner.Result run(String... args) {
        return new CliRunner(home).env("CACHE_DIR", cache.toString()).run(args);
    }

    private static String host() {
        return CliRunner.ROOT.resolve("examples/hosts/mi300x-8.yaml").toString();
    }

    @Test
    void aCachedModelWithAutoMapHasNoPlanAndSaysWhy() {
        CliRunner.Result r = run("plan", AUTO_MAP_MODEL, "--host", host());
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("refused      model code from the Hub is not trusted: config.json has auto_map"
                + " (modeling_custom.Qwen3CustomForCausalLM) and Qwen3CustomForCausalLM is not built into vllm;"
                + " pass --trust-remote-code to run it"), r.out());
    }

    @Test
    void withTrustRemoteCodeItPlansAndTheCommandCarriesTheFlag() {
        CliRunner.Result r = run("plan", AUTO_MAP_MODEL, "--host", host(), "--trust-remote-code");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains(" --trust-remote-code"), r.out());
        assertTrue(r.out().contains("trust        the engine runs the model's own code from the Hub"), r.out());
        assertTrue(r.out().contains("--revision " + COMMIT), r.out());
        assertTrue(r.out().contains("revision     " + COMMIT), r.out());
    }

    @Test
    void thePolicysRemoteCodeListAllowsItToo(@TempDir Path dir) throws IOException {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "remote_code: [Qwen/*]\nsources: {hub: ['*']}\n");
        CliRunner.Result r = run("plan", AUTO_MAP_MODEL, "--host", host(), "--trust-policy", policy.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains(" --trust-remote-code"), r.out());
    }

    @Test
    void pickleOnlyWeightsAreRefusedUnlessAllowed() {
        CliRunner.Result refused = run("plan", PICKLE_MODEL, "--host", host());
        assertEquals(3, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.out().contains("the checkpoint has only pickle weights (1 file(s) such as pytorch_model.bin)"),
                refused.out());
        CliRunner.Result allowed = run("plan", PICKLE_MODEL, "--host", host(), "--allow-pickle");
        assertEquals(0, allowed.exit(), allowed.out() + allowed.err());
        assertFalse(allowed.out().contains("--load-format"), allowed.out());
    }

    @Test
    void safetensorsArePinnedAndTheSnapshotCommitIsLoaded() throws IOException {
        CliRunner.Result r = run("plan", SAFETENSORS_MODEL, "--host", host(), "--output", "json");
        assertEquals(0, r.exit(), r.out() + r.err());
        var selected = new ObjectMapper().readTree(r.out()).get("selected");
        assertEquals(COMMIT, selected.get("revision").asText());
        String argv = selected.get("command").toString();
        assertTrue(argv.contains("\"--load-format\",\"safetensors\""), argv);
        assertTrue(argv.contains("\"--revision\",\"" + COMMIT + "\""), argv);
        assertFalse(argv.contains("--trust-remote-code"), argv);
    }

    @Test
    void aSourceThePolicyDoesNotAllowIsNoPlanNamingTheFileAndEntry(@TempDir Path dir) throws IOException {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "# site policy\nsources:\n  hub: [Qwen/*, deepseek-ai/*]\n");
        CliRunner.Result r = run("plan", SAFETENSORS_MODEL, "--host", host(), "--trust-policy", policy.toString());
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("Hugging Face model " + SAFETENSORS_MODEL + " is not an allowed source: " + policy
                + ":3 (sources.hub) allows hub sources Qwen/*, deepseek-ai/*"), r.out());
        assertEquals(0, run("plan", AUTO_MAP_MODEL, "--host", host(), "--trust-policy", policy.toString(),
                "--trust-remote-code").exit());
    }

    @Test
    void aModelWithAutoMapThatTheEngineImplementsRunsWithoutItsCode() {
        CliRunner.Result r = run("plan", "deepseek-ai/DeepSeek-R1-0528", "--host", host());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("DeepseekV3ForCausalLM is built into vllm: it runs without the model's own code"),
                r.out());
        assertFalse(r.out().contains("--trust-remote-code"), r.out());
    }

    @Test
    void anAffectedEngineVersionIsRefusedForAModelWithAutoMap() {
        CliRunner.Result r = run("plan", "deepseek-ai/DeepSeek-R1-0528", "--host", host(), "--backend", "vllm",
                "--engine-version", "0.13.0");
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("CVE-2026-22807: a model's auto_map can run its code from the Hub even without"
                + " --trust-remote-code; vllm 0.13.0 is affected (0.10.1 to before 0.14.0)"), r.out());
        assertEquals(0, run("plan", "deepseek-ai/DeepSeek-R1-0528", "--host", host(), "--backend", "vllm",
                "--engine-version", "0.14.0").exit());
        // Without --backend the affected vLLM gives way to SGLang, which the advisory does not concern.
        CliRunner.Result fallback = run("plan", "deepseek-ai/DeepSeek-R1-0528", "--host", host(), "--engine-version",
                "0.13.0");
        assertEquals(0, fallback.exit(), fallback.out() + fallback.err());
        assertTrue(fallback.out().contains("engine       sglang"), fallback.out());
    }

    @Test
    void aBrokenPolicyIsBadInputWithFileAndLine(@TempDir Path dir) throws IOException {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "sources:\n  hub: ['*']\npickel: true\nadvisories:\n  - id: X\n    engine: tgi\n");
        CliRunner.Result r = run("plan", SAFETENSORS_MODEL, "--host", host(), "--trust-policy", policy.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(policy + ":3: unknown key 'pickel'"), r.err());
        assertTrue(r.err().contains(policy + ":5: missing required key 'from'"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
