package aimengine.cli.command;

import aimengine.cli.CliRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The planner's behaviour on the shipped recipes and example hosts, one approved transcript per scenario: the
 * `plan --explain` text and the JSON contract, with the exit code. Paths in arguments are relative to the project root.
 */
class PlanScenariosTest {
    private static final String AIM = "testdata/aim-build/profiles";
    private static final String ODD = "cli/src/test/resources/scenarios/recipes";
    /** H100 recipes written for the multi-node scenarios before general-sm90 shipped; kept where a scenario needs a
     *  model-specific recipe (DeepSeek-R1 at FP8, the one-layer model). The Llama scenarios use the built-in data. */
    private static final String H100 = "cli/src/test/resources/scenarios/multinode/recipes";
    private static final String WIDE = "cli/src/test/resources/scenarios/multinode/models";

    @TempDir
    static Path home;

    static Stream<Arguments> scenarios() {
        return Stream.of(
                s("qwen3-32b-mi300x-8", "Qwen/Qwen3-32B", "mi300x-8"),
                s("qwen3-32b-mi300x-1", "Qwen/Qwen3-32B", "mi300x-1"),
                s("qwen3-32b-mi300x-8-throughput", "Qwen/Qwen3-32B", "mi300x-8", "--metric", "throughput"),
                s("qwen3-32b-mi300x-8-sglang", "Qwen/Qwen3-32B", "mi300x-8", "--backend", "sglang"),
                s("llama-405b-fp8-mi300x-1", "meta-llama/Llama-3.1-405B-Instruct", "mi300x-1", "--precision", "fp8"),
                s("llama-405b-fp8-mi300x-2", "meta-llama/Llama-3.1-405B-Instruct", "mi300x-2", "--precision", "fp8"),
                s("llama-405b-fp8-mi300x-4", "meta-llama/Llama-3.1-405B-Instruct", "mi300x-4", "--precision", "fp8"),
                s("llama-405b-fp8-mi300x-8", "meta-llama/Llama-3.1-405B-Instruct", "mi300x-8", "--precision", "fp8", "--gpus", "8"),
                s("llama-405b-bf16-mi300x-4", "meta-llama/Llama-3.1-405B-Instruct", "mi300x-4", "--precision", "bf16"),
                s("llama-405b-bf16-mi300x-8", "meta-llama/Llama-3.1-405B-Instruct", "mi300x-8", "--precision", "bf16"),
                s("llama-405b-fp8-checkpoint-id", "amd/Llama-3.1-405B-Instruct-FP8-KV", "mi300x-8"),
                s("llama-70b-bf16-mi300x-1", "meta-llama/Llama-3.3-70B-Instruct", "mi300x-1", "--precision", "bf16"),
                s("llama-70b-bf16-mi250x-gcds", "meta-llama/Llama-3.3-70B-Instruct", "mi250x-8", "--precision", "bf16"),
                s("llama-70b-fp8-mi250x", "meta-llama/Llama-3.3-70B-Instruct", "mi250x-8", "--precision", "fp8"),
                s("llama-8b-fp8-mi210", "meta-llama/Llama-3.1-8B-Instruct", "mi210-4", "--precision", "fp8"),
                s("llama-70b-8-gpus-on-4-gpu-host", "meta-llama/Llama-3.3-70B-Instruct", "mi300x-4", "--gpus", "8"),
                s("llama-70b-8-gpus-on-4-gpu-host-strict", "meta-llama/Llama-3.3-70B-Instruct", "mi300x-4", "--gpus", "8", "--strict"),
                s("qwen3-32b-gpus-not-dividing-heads", "Qwen/Qwen3-32B", "mi300x-8", "--recipes", ODD, "--gpus", "6"),
                s("container-sees-fewer-gpus", "meta-llama/Llama-3.3-70B-Instruct", "mi300x-8-container-4"),
                s("mixed-host", "meta-llama/Llama-3.3-70B-Instruct", "mixed-mi300x-4-mi210-2"),
                // BF16 405B needs 8 MI300X; on 4 the pinned recipe cannot fit and the FP8 recipe takes over (stated).
                s("pinned-recipe-cannot-fit", "meta-llama/Llama-3.1-405B-Instruct", "mi300x-4", "--recipe", "llama-3.1-405b-instruct-mi300x-bf16"),
                s("pinned-recipe-cannot-fit-strict", "meta-llama/Llama-3.1-405B-Instruct", "mi300x-4", "--recipe", "llama-3.1-405b-instruct-mi300x-bf16", "--strict"),
                s("unknown-model", "example/NoSuchModel-7B", "mi300x-8"),
                s("deepseek-r1-mi300x-8", "deepseek-ai/DeepSeek-R1-0528", "mi300x-8"),
                s("deepseek-r1-mi325x-8", "deepseek-ai/DeepSeek-R1-0528", "mi325x-8"),
                s("mixtral-mi300x-1", "mistralai/Mixtral-8x7B-Instruct-v0.1", "mi300x-1"),
                s("gpt-oss-120b-mi300x-1", "openai/gpt-oss-120b", "mi300x-1"),
                s("gpt-oss-120b-mi355x-8", "openai/gpt-oss-120b", "mi355x-8"),
                s("llama-8b-h200-1", "meta-llama/Llama-3.1-8B-Instruct", "h200-1"),
                s("llama-70b-mi325x-8", "meta-llama/Llama-3.3-70B-Instruct", "mi325x-8"),
                s("aim-profiles-llama-405b-mi300x-8", "meta-llama/Llama-3.1-405B-Instruct", "mi300x-8", "--recipes", AIM),
                s("aim-profiles-llama-8b-throughput", "meta-llama/Llama-3.1-8B-Instruct", "mi300x-8", "--recipes", AIM, "--metric", "throughput"),
                s("aim-general-profile-qwen3-8b", "Qwen/Qwen3-8B", "mi300x-1", "--recipes", AIM, "--no-builtin-recipes"),
                // Issue 10: general recipes plan what no model-specific recipe covers, and say so.
                s("general-llama-3.1-70b-mi300x-8", "meta-llama/Llama-3.1-70B-Instruct", "mi300x-8"),
                s("general-qwen3-8b-mi300x-1", "Qwen/Qwen3-8B", "mi300x-1"),
                s("general-llama-8b-mi355x-8", "meta-llama/Llama-3.1-8B-Instruct", "mi355x-8"),
                s("general-llama-8b-h100-1", "meta-llama/Llama-3.1-8B-Instruct", "h100-1"),
                s("general-gpt-oss-120b-h100-1", "openai/gpt-oss-120b", "h100-1"),
                s("general-sglang-asked", "Qwen/Qwen3-8B", "h100-1", "--backend", "sglang"),
                // What real deployments refuse, refused with the numbers.
                s("refused-llama-70b-bf16-h200-1", "meta-llama/Llama-3.3-70B-Instruct", "h200-1"),
                s("refused-llama-405b-bf16-h100-8", "meta-llama/Llama-3.1-405B-Instruct", "h100-8"),
                s("refused-deepseek-r1-h100-8", "deepseek-ai/DeepSeek-R1-0528", "h100-8"),
                s("no-recipe-mi100", "Qwen/Qwen3-8B", "mi100-4"),
                // AMD recommends 1 x MI300X at FP8 for Llama-3.1-8B (latency): before "latency prefers more GPUs".
                s("recommended-llama-8b-mi300x-8", "meta-llama/Llama-3.1-8B-Instruct", "mi300x-8"),
                // Issue 13: a model that fits no single node spans the fewest nodes that fit.
                s("multinode-llama-405b-bf16-h100-2-nodes", "meta-llama/Llama-3.1-405B-Instruct", "h100-8x2", "--nodes", "2", "--precision", "bf16"),
                s("multinode-llama-405b-bf16-h100-nodes-1", "meta-llama/Llama-3.1-405B-Instruct", "h100-8x2", "--nodes", "1", "--precision", "bf16"),
                s("multinode-llama-405b-bf16-h100-strict-3-nodes", "meta-llama/Llama-3.1-405B-Instruct", "h100-8x2", "--nodes", "3", "--strict", "--precision", "bf16"),
                s("multinode-deepseek-r1-h100-2-nodes", "deepseek-ai/DeepSeek-R1-0528", "h100-8x2", "--recipes", H100),
                s("multinode-deepseek-r1-h100-2-nodes-sglang", "deepseek-ai/DeepSeek-R1-0528", "h100-8x2", "--recipes", H100, "--backend", "sglang"),
                s("multinode-llama-8b-stays-on-one-node", "meta-llama/Llama-3.1-8B-Instruct", "h100-8x2", "--nodes", "2"),
                s("multinode-pipeline-exceeds-layers", "test/Wide-1L", "h200-1", "--recipes", H100, "--models", WIDE, "--nodes", "2", "--backend", "vllm"));
    }

    private static Arguments s(String name, String model, String host, String... extra) {
        return Arguments.of(name, model, host, List.of(extra));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(String name, String model, String host, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("plan", model, "--host", "examples/hosts/" + host + ".yaml"));
        args.addAll(extra);
        StringBuilder transcript = new StringBuilder();
        for (List<String> output : List.of(List.of("--explain"), List.of("--output", "json"))) {
            List<String> shown = new ArrayList<>(args);
            shown.addAll(output);
            transcript.append("$ aim-engine ").append(String.join(" ", shown)).append('\n');
            // the home folder is a fresh temporary one; paths under it are shown as $HOME
            transcript.append(new CliRunner(home).run(fromModuleFolder(shown)).transcript().replace(home.toString(), "$HOME"))
                    .append('\n');
        }
        Approvals.verify(transcript.toString(), new Options().forFile().withAdditionalInformation(name));
    }

    /**
     * Paths are given relative to the project root; the test runs in cli/, so they get one "../" more. Relative paths
     * keep the file names in the approved output the same on every machine.
     */
    private static String[] fromModuleFolder(List<String> args) {
        String[] result = args.toArray(new String[0]);
        for (int i = 1; i < result.length; i++) {
            if (List.of("--host", "--recipes", "--models").contains(result[i - 1])) {
                result[i] = "../" + result[i];
            }
        }
        return result;
    }
}
