package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.CliRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * `deploy` for three plans (8 x MI300X, 1 x MI300X, 1 x H200) and every target: the approved manifests, each document
 * valid against the real schemas; and bad input, which writes nothing. Paths are relative to the project root.
 */
class DeployCommandTest {
    /** No H200 recipe ships yet (general recipes come separately): a test recipe gives the NVIDIA plan. */
    private static final String H200_RECIPES = "cli/src/test/resources/deploy/recipes";
    /** H100 recipes of the multi-node planning scenarios. */
    private static final String MULTINODE_RECIPES = "cli/src/test/resources/scenarios/multinode/recipes";

    @TempDir
    static Path home;

    private static ManifestSchemas schemas;

    @BeforeAll
    static void loadSchemas() {
        schemas = new ManifestSchemas();
    }

    static Stream<Arguments> deployments() {
        List<Arguments> all = new ArrayList<>();
        for (String target : List.of("kubernetes", "kserve", "compose")) {
            all.add(d("qwen3-32b-mi300x-8-" + target, "Qwen/Qwen3-32B", "mi300x-8", "--target", target));
            all.add(d("qwen3-32b-mi300x-1-" + target, "Qwen/Qwen3-32B", "mi300x-1", "--target", target));
            all.add(d("llama-8b-h200-1-" + target, "meta-llama/Llama-3.1-8B-Instruct", "h200-1", "--target", target,
                    "--recipes", H200_RECIPES));
        }
        all.add(d("llama-405b-bf16-h100-2-nodes-lws", "meta-llama/Llama-3.1-405B-Instruct", "h100-8x2", "--target",
                "lws", "--precision", "bf16", "--recipes", MULTINODE_RECIPES));
        all.add(d("deepseek-r1-h100-2-nodes-sglang-lws", "deepseek-ai/DeepSeek-R1-0528", "h100-8x2", "--target", "lws",
                "--backend", "sglang", "--replicas", "2", "--recipes", MULTINODE_RECIPES));
        all.add(d("kubernetes-options", "Qwen/Qwen3-32B", "mi300x-1", "--target", "kubernetes", "--name", "qwen",
                "--namespace", "llm", "--replicas", "2", "--cache-size", "200Gi", "--hf-token-secret", "hub-token",
                "--gpu-group", "44,110", "--image", "registry.example/aim-engine:0.1.0", "--port", "9000",
                "--grace", "60"));
        all.add(d("kserve-existing-cache", "Qwen/Qwen3-32B", "mi300x-8", "--target", "kserve", "--cache-pvc",
                "shared-models", "--replicas", "2"));
        all.add(d("compose-existing-volume", "Qwen/Qwen3-32B", "mi300x-8", "--target", "compose", "--cache-pvc",
                "models"));
        return all.stream();
    }

    private static Arguments d(String name, String model, String host, String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", model, "--host", "examples/hosts/" + host + ".yaml"));
        args.addAll(List.of(extra));
        return Arguments.of(name, args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void manifests(String name, List<String> args) {
        CliRunner.Result r = run(args);
        assertEquals(0, r.exit(), r.err());
        for (JsonNode doc : ManifestSchemas.documents(r.out())) {
            assertEquals(List.of(), schemas.problems(doc), doc.path("kind").asText("compose") + " of " + name);
        }
        Approvals.verify("$ aim-engine " + String.join(" ", args) + "\n" + r.transcript(),
                new Options().forFile().withAdditionalInformation(name));
    }

    @Test
    void theAcceptanceCommandPinsTheRunAndRequestsThePlannedGpus() {
        CliRunner.Result r = run(List.of("deploy", "Qwen/Qwen3-32B", "--host", "examples/hosts/mi300x-8.yaml",
                "--target", "kubernetes"));
        JsonNode deployment = ManifestSchemas.documents(r.out()).stream()
                .filter(d -> d.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        // The plan takes AMD's recommendation for Qwen3-32B on MI300X (1 GPU, rules/recommendations.drl).
        assertEquals("1", container.at("/resources/limits/amd.com~1gpu").asText());
        String args = container.path("args").toString();
        assertTrue(args.startsWith("[\"aim-engine\",\"run\",\"Qwen/Qwen3-32B\",\"--recipe\",\"qwen3-32b-mi300x-bf16\","
                + "\"--gpus\",\"1\",\"--precision\",\"bf16\",\"--backend\",\"vllm\",\"--strict\""), args);
    }

    /** The pods plan again: what the operator allowed beyond the policy goes with them, and only that. */
    @Test
    void trustGrantsGoToThePodsRunAndAPolicyFileTheImageLacksIsNamed() {
        List<String> base = List.of("deploy", "Qwen/Qwen3-32B", "--host", "examples/hosts/mi300x-8.yaml", "--target",
                "kubernetes");
        String plain = run(base).out();
        assertFalse(plain.contains("--trust-remote-code") || plain.contains("--allow-pickle"), plain);
        List<String> granted = new java.util.ArrayList<>(base);
        granted.addAll(List.of("--trust-remote-code", "--allow-pickle", "--trust-policy", "../rules/trust.yaml"));
        CliRunner.Result r = run(granted);
        assertEquals(0, r.exit(), r.err());
        JsonNode args = ManifestSchemas.documents(r.out()).stream()
                .filter(d -> d.path("kind").asText().equals("Deployment")).findFirst().orElseThrow()
                .at("/spec/template/spec/containers/0/args");
        List<String> list = new java.util.ArrayList<>();
        args.forEach(a -> list.add(a.asText()));
        assertTrue(list.containsAll(List.of("--trust-remote-code", "--allow-pickle")), list.toString());
        assertFalse(list.contains("--trust-policy"), "the file is not in the image: " + list);
        assertTrue(r.err().contains("warning: the --trust-policy file given here is not in the image"), r.err());
    }

    /** A general recipe names an architecture (gfx942); the manifests name the product the plan runs on. */
    @Test
    void aPlanOnAGeneralRecipeIsWrittenForTheUsableProduct() {
        CliRunner.Result r = run(List.of("deploy", "Qwen/Qwen3-8B", "--host", "examples/hosts/mi300x-8.yaml",
                "--target", "kubernetes"));
        assertEquals(0, r.exit(), r.err());
        JsonNode deployment = ManifestSchemas.documents(r.out()).stream()
                .filter(d -> d.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        assertTrue(deployment.at("/metadata/annotations/aim-engine~1plan").asText().contains(" x mi300x, "),
                deployment.at("/metadata/annotations").toString());
        assertTrue(deployment.at("/spec/template/spec/containers/0/args").toString().contains("\"general-gfx942\""),
                "the pinned recipe is the general one");
        ManifestSchemas.documents(r.out()).forEach(d -> assertEquals(List.of(), schemas.problems(d)));
    }

    @Test
    void explainGoesToStderrAndTheTokenIsNeverWritten() {
        String token = "hf_NotARealTokenButSecret";
        for (String target : List.of("kubernetes", "kserve", "compose")) {
            String[] args = {"deploy", "Qwen/Qwen3-32B", "--host", "../examples/hosts/mi300x-8.yaml", "--target",
                    target, "--explain"};
            CliRunner.Result r = new CliRunner(home).env("HF_TOKEN", token).run(args);
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.err().contains("Runnable:"), r.err());
            assertFalse(r.out().contains("Runnable:"));
            assertFalse((r.out() + r.err()).contains(token), target);
            assertTrue(r.out().contains("HF_TOKEN"), target);
            ManifestSchemas.documents(r.out()).forEach(d -> assertEquals(List.of(), schemas.problems(d)));
        }
    }

    @Test
    void customDataThatTheImageLacksIsNamed() {
        CliRunner.Result r = new CliRunner(home).run("deploy", "Qwen/Qwen3-8B", "--host",
                "../examples/custom-hardware/hosts/w7900-4.yaml", "--rules", "../examples/custom-hardware/rules",
                "--recipes", "../examples/custom-hardware/recipes", "--target", "compose");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("warning: the --rules and --models folders given here are not in the image"),
                r.err());
        assertTrue(r.out().contains("# the recipe comes from ../examples/custom-hardware/recipes/"), r.out());
    }

    @Test
    void theValidatorsRefuseUnknownFieldsAndWrongTypes() {
        JsonNode deployment = doc("kubernetes", "Deployment");
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0")).put("imagePullPolicyy", "Always");
        assertFalse(schemas.problems(deployment).isEmpty());

        JsonNode service = doc("kserve", "InferenceService");
        ((ObjectNode) service.at("/spec/predictor")).put("minReplica", 1);
        assertFalse(schemas.problems(service).isEmpty());

        JsonNode runtime = doc("kserve", "ServingRuntime");
        ((ObjectNode) runtime.at("/spec/containers/0")).put("args", "aim-engine run");
        assertFalse(schemas.problems(runtime).isEmpty());

        JsonNode compose = doc("compose", null);
        ((ObjectNode) compose.at("/services/qwen3-32b")).put("stop_grace_periods", "45s");
        assertFalse(schemas.problems(compose).isEmpty());
    }

    private JsonNode doc(String target, String kind) {
        CliRunner.Result r = run(List.of("deploy", "Qwen/Qwen3-32B", "--host", "examples/hosts/mi300x-8.yaml",
                "--target", target));
        return ManifestSchemas.documents(r.out()).stream()
                .filter(d -> kind == null || d.path("kind").asText().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void aPlanThatSpansNodesNeedsTheLwsTargetAndItsValidatorRefusesUnknownFields() {
        List<String> args = new ArrayList<>(List.of("deploy", "meta-llama/Llama-3.1-405B-Instruct", "--host",
                "examples/hosts/h100-8x2.yaml", "--precision", "bf16", "--recipes", MULTINODE_RECIPES, "--target"));
        for (String target : List.of("kubernetes", "kserve", "compose")) {
            List<String> withTarget = new ArrayList<>(args);
            withTarget.add(target);
            CliRunner.Result r = run(withTarget);
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().contains("the plan spans 2 nodes; deploy it with --target lws"), r.err());
        }
        args.add("lws");
        JsonNode lws = ManifestSchemas.documents(run(args).out()).stream()
                .filter(d -> d.path("kind").asText().equals("LeaderWorkerSet")).findFirst().orElseThrow();
        assertEquals(List.of(), schemas.problems(lws));
        assertEquals(2, lws.at("/spec/leaderWorkerTemplate/size").asInt());
        assertEquals("8", lws.at("/spec/leaderWorkerTemplate/workerTemplate/spec/containers/0/resources/limits/nvidia.com~1gpu").asText());
        ((ObjectNode) lws.at("/spec/leaderWorkerTemplate")).put("restartPolicyy", "None");
        assertFalse(schemas.problems(lws).isEmpty());
    }

    @Test
    void anInfeasiblePlanWritesNothingAndExits3WithTheExplanation(@TempDir Path dir) {
        Path out = dir.resolve("manifests");
        CliRunner.Result r = run(List.of("deploy", "meta-llama/Llama-3.1-405B-Instruct", "--host",
                "examples/hosts/mi300x-1.yaml", "--precision", "bf16", "--strict", "--target", "kubernetes",
                "--output", out.toString()));
        assertEquals(3, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().contains("infeasible"), r.err());
        assertTrue(r.err().endsWith("error: no workable plan for meta-llama/Llama-3.1-405B-Instruct; nothing written\n"),
                r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void badInputIsOneLineAndExit2() {
        String[][] cases = {
                {"--target", "helm"},
                {"--target", "kubernetes", "--name", "My_Model"},
                {"--target", "kubernetes", "--cache-size", "10GB"},
                {"--target", "kubernetes", "--cache-pvc", "models", "--cache-size", "10Gi"},
                {"--target", "kubernetes", "--replicas", "0"},
                {"--target", "compose", "--replicas", "2"},
                {"--target", "kserve", "--name", "a".repeat(54)},
                {"--target", "lws"},
        };
        List<String> lines = new ArrayList<>();
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("deploy", "Qwen/Qwen3-32B", "--host",
                    "examples/hosts/mi300x-8.yaml"));
            args.addAll(List.of(c));
            CliRunner.Result r = run(args);
            assertEquals(2, r.exit(), r.err());
            assertEquals("", r.out());
            assertEquals(1, r.err().lines().count(), r.err());
            lines.add(String.join(" ", c) + "\n  " + r.err());
        }
        Approvals.verify(String.join("", lines));
    }

    @Test
    void aFolderGetsOneFilePerObjectAndIsReplacedWhole(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("qwen");
        List<String> args = List.of("deploy", "Qwen/Qwen3-32B", "--host", "examples/hosts/mi300x-8.yaml",
                "--target", "kubernetes", "--output", out.toString());
        assertEquals(0, run(args).exit());
        assertEquals(List.of("deployment.yaml", "persistentvolumeclaim.yaml", "service.yaml"), list(out));
        Files.writeString(out.resolve("service.yaml"), "stale");
        Files.writeString(out.resolve("notes.txt"), "mine");

        assertEquals(0, run(args).exit());
        assertEquals(List.of("deployment.yaml", "notes.txt", "persistentvolumeclaim.yaml", "service.yaml"), list(out));
        assertTrue(Files.readString(out.resolve("service.yaml")).contains("kind: Service"));
        assertEquals(List.of("qwen"), list(dir), "no staging folder left behind");
        for (String file : List.of("deployment.yaml", "persistentvolumeclaim.yaml", "service.yaml")) {
            for (JsonNode doc : ManifestSchemas.documents(Files.readString(out.resolve(file)))) {
                assertEquals(List.of(), schemas.problems(doc), file);
            }
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static CliRunner.Result run(List<String> args) {
        String[] a = args.toArray(new String[0]);
        for (int i = 1; i < a.length; i++) {
            if (a[i - 1].equals("--host") || a[i - 1].equals("--recipes")) {
                a[i] = "../" + a[i];
            }
        }
        return new CliRunner(home).run(a);
    }
}
