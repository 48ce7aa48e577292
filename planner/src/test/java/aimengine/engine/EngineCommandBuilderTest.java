package aimengine.engine;

import aimengine.generate.EngineCommandBuilder;
import aimengine.hardware.Hardware;
import aimengine.hardware.Precision;
import aimengine.recipe.EngineArg;
import aimengine.recipe.Recipe;
import aimengine.recipe.RecipeType;
import aimengine.recipe.RecipeVariant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EngineCommandBuilderTest {
    private static final FlagCatalogs CATALOGS = FlagCatalogs.builtin();
    private static final Hardware MI300X = new Hardware("mi300x", "amd", "MI300X", List.of(0x74a1), "gfx942", 196592, 1,
            List.of(Precision.BF16), "xgmi", Map.of(Backend.VLLM, Map.of("A", "hardware", "B", "hardware"),
            Backend.SGLANG, Map.of("SGLANG_USE_AITER", "1")), "test");
    private final EngineCommandBuilder builder = new EngineCommandBuilder(CATALOGS::newest);

    private static EngineArg arg(String flag, String value, boolean yamlBool) {
        return new EngineArg(flag, value, yamlBool, 1);
    }

    private static List<String> argv(Backend backend, int gpus, int maxModelLen, EngineArg... args) {
        return argv(backend, "org/model", gpus, maxModelLen, args);
    }

    private static List<String> argv(Backend backend, String requested, int gpus, int maxModelLen, EngineArg... args) {
        RecipeVariant v = new RecipeVariant(backend, gpus, true, List.of(args), Map.of(), 1);
        Recipe r = new Recipe("r", "org/model", "org/model", "mi300x", Precision.BF16, RecipeType.OPTIMIZED, null, false,
                Map.of(), List.of(v), "seed", "test");
        return new EngineCommandBuilder(CATALOGS::newest).build(r, v, MI300X,
                new EngineCommandBuilder.Target("org/model", requested, maxModelLen, 8000, "0.0.0.0")).argv();
    }

    @Test
    void vllmSystemFlagsComeFirstAndTheRecipesCannotSetThem() {
        assertEquals(List.of("vllm", "serve", "org/model", "--tensor-parallel-size", "2", "--port", "8000", "--host",
                        "0.0.0.0", "--dtype", "bfloat16"),
                argv(Backend.VLLM, 2, 0, arg("--dtype", "bfloat16", false), arg("--port", "9999", false),
                        arg("--tensor-parallel-size", "2", false), arg("--host", "1.2.3.4", false)));
    }

    @Test
    void sglangIsLaunchedThroughPython() {
        assertEquals(List.of("python3", "-m", "sglang.launch_server", "--model-path", "org/model", "--tp-size", "4",
                "--port", "8000", "--host", "0.0.0.0", "--enable-metrics", "--context-length", "32768"),
                argv(Backend.SGLANG, 4, 0, arg("--context-length", "32768", false)));
    }

    @Test
    void switchesAreNormalised() {
        // true, "true" and null are the bare switch; false leaves a plain switch out.
        assertEquals(List.of("--trust-remote-code", "--enforce-eager", "--async-scheduling"),
                argv(Backend.VLLM, 1, 0, arg("--trust-remote-code", "true", true), arg("--enforce-eager", "true", false),
                        arg("--async-scheduling", null, false), arg("--disable-log-stats", "false", true)).subList(9, 12));
    }

    @Test
    void aFalseOnOffPairBecomesItsOpposite() {
        assertEquals(List.of("--no-enable-prefix-caching", "--enable-chunked-prefill"),
                argv(Backend.VLLM, 1, 0, arg("--enable-prefix-caching", "false", true),
                        arg("--no-enable-chunked-prefill", "false", true)).subList(9, 11));
    }

    @Test
    void sglangSwitchesAreBareUnlessItsCatalogHasAnOnOffPair() {
        // SGLang v0.5.18 has a few --x/--no-x pairs among its bare switches; the catalog says which.
        List<String> argv = argv(Backend.SGLANG, 1, 0, arg("--lora-strict-loading", "false", true),
                arg("--enable-metrics", "true", true), arg("--enable-mfu-metrics", "false", true));
        // --enable-metrics is a system flag (run re-exposes SGLang's metrics): first, and not repeated from the recipe
        assertEquals(List.of("--enable-metrics", "--no-lora-strict-loading"), argv.subList(11, argv.size()));
    }

    @Test
    void anImposedContextReplacesTheRecipes() {
        List<String> argv = argv(Backend.VLLM, 1, 16384, arg("--max-model-len", "131072", false));
        assertEquals(List.of("--max-model-len", "16384"), argv.subList(9, 11));
        assertEquals(11, argv.size());
    }

    @Test
    void aSwappedCheckpointIsServedUnderTheRequestedNameAndItsOwn() {
        List<String> vllm = argv(Backend.VLLM, "org/Model-Instruct", 1, 0, arg("--dtype", "bfloat16", false));
        assertEquals(List.of("--dtype", "bfloat16", "--served-model-name", "org/Model-Instruct", "org/model"),
                vllm.subList(9, vllm.size()));
        // SGLang's --served-model-name takes one name: the one the user asked for.
        List<String> sglang = argv(Backend.SGLANG, "org/Model-Instruct", 1, 0);
        assertEquals(List.of("--served-model-name", "org/Model-Instruct"), sglang.subList(12, sglang.size()),
                "after the system flags, --enable-metrics last among them");
    }

    @Test
    void noServedNameWhenTheCheckpointIsTheModelAskedForOrANameIsGiven() {
        assertEquals(9, argv(Backend.VLLM, 1, 0).size());
        List<String> named = argv(Backend.VLLM, "org/Model-Instruct", 1, 0, arg("--served_model_name", "mine", false));
        assertEquals(List.of("--served_model_name", "mine"), named.subList(9, named.size()));
    }

    @Test
    void environmentLayersHardwareThenRecipeThenVariant() {
        RecipeVariant v = new RecipeVariant(Backend.VLLM, 1, true, List.of(), Map.of("B", "variant"), 1);
        Recipe r = new Recipe("r", "m", "m", "mi300x", Precision.BF16, RecipeType.OPTIMIZED, null, false,
                Map.of("A", "recipe", "C", "recipe"), List.of(v), "seed", "test");
        Map<String, String> env = builder.build(r, v, MI300X, new EngineCommandBuilder.Target("m", "m", 0, 1, "h")).env();
        assertEquals(Map.of("A", "recipe", "B", "variant", "C", "recipe"), env);
    }

    @Test
    void sglangAlwaysServesItsMetricsAndARecipesOwnSwitchIsNotRepeated() {
        List<String> argv = argv(Backend.SGLANG, 1, 0, arg("--enable-metrics", null, false));
        assertEquals(1, argv.stream().filter("--enable-metrics"::equals).count(), argv.toString());
        assertEquals(false, argv(Backend.VLLM, 1, 0).contains("--enable-metrics"), "vLLM serves /metrics without a switch");
    }
}
