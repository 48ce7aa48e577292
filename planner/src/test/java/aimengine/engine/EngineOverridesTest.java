package aimengine.engine;

import aimengine.generate.EngineCommand;
import aimengine.generate.EngineCommandBuilder;
import aimengine.generate.EngineOverrides;
import aimengine.generate.OverrideMerger;
import aimengine.hardware.Precision;
import aimengine.io.InputException;
import aimengine.io.InputProblem;
import aimengine.recipe.EngineArg;
import aimengine.recipe.Recipe;
import aimengine.recipe.RecipeType;
import aimengine.recipe.RecipeVariant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineOverridesTest {
    private final FlagCatalogs catalogs = FlagCatalogs.builtin();
    private final FlagValidator validator = new FlagValidator(catalogs);
    private final FlagCatalog vllm = catalogs.newest(Backend.VLLM);
    private final OverrideMerger merger = new OverrideMerger(validator, vllm);
    private final RecipeVariant variant = new RecipeVariant(Backend.VLLM, 2, true, List.of(
            new EngineArg("--max-model-len", "32768", false, 10),
            new EngineArg("--enforce-eager", null, false, 11),
            new EngineArg("--gpu-memory-utilization", "0.9", false, 12)), Map.of(), 8);
    private final Recipe recipe = new Recipe("r", "org/m", "org/m", "mi300x", Precision.BF16, RecipeType.OPTIMIZED,
            null, false, Map.of(), List.of(variant), "seed", "recipes/r.yaml");

    private static List<String> flags(RecipeVariant v) {
        return v.args().stream().map(a -> a.flag() + "=" + a.value()).toList();
    }

    @Test
    void overridesReplaceTheRecipeFlagInPlaceAndAppendNewOnes() {
        EngineOverrides o = EngineOverrides.parse(List.of("max_model_len=8192", "--served-model-name=m"), null);
        assertEquals(List.of("--max_model_len=8192", "--enforce-eager=null", "--gpu-memory-utilization=0.9",
                "--served-model-name=m"), flags(merger.merge(recipe, variant, o).variant()));
    }

    @Test
    void commandLineWinsOverTheEnvironment() {
        EngineOverrides o = EngineOverrides.parse(List.of("--gpu-memory-utilization=0.8"),
                "{\"gpu-memory-utilization\": 0.95, \"max-num-seqs\": 64, \"enforce-eager\": false}");
        assertEquals(List.of("--max-model-len=32768", "--enforce-eager=false", "--gpu-memory-utilization=0.8",
                "--max-num-seqs=64"), flags(merger.merge(recipe, variant, o).variant()));
    }

    @Test
    void aNegationReplacesItsSwitchAndTheBuilderDropsFalseSwitches() {
        EngineOverrides o = EngineOverrides.parse(List.of("no-enforce-eager"), null);
        RecipeVariant merged = merger.merge(recipe, variant, o).variant();
        assertEquals(List.of("--max-model-len=32768", "--no-enforce-eager=null", "--gpu-memory-utilization=0.9"), flags(merged));
        EngineOverrides off = EngineOverrides.parse(List.of("enforce-eager=false"), null);
        EngineCommand cmd = new EngineCommandBuilder(catalogs::newest).build(recipe, merger.merge(recipe, variant, off).variant(),
                new aimengine.hardware.Hardware("mi300x", "amd", "MI300X", List.of(0x74a1), "gfx942", 196592, 1,
                        List.of(Precision.BF16), "xgmi", Map.of(), "t"),
                new EngineCommandBuilder.Target("org/m", "org/m", 0, 8000, "0.0.0.0"));
        assertFalse(cmd.argv().contains("--enforce-eager"), cmd.argv().toString());
    }

    @Test
    void systemFlagsAreRefusedWithTheOptionToUseInstead() {
        EngineOverrides o = EngineOverrides.parse(List.of("port=9000", "-tp=4", "host=::"), "{\"model\": \"x\"}");
        InputException e = assertThrows(InputException.class, () -> merger.merge(recipe, variant, o));
        assertEquals(List.of(
                "AIM_ENGINE_ARGS model: --model is set by aim-engine and cannot be overridden; give the model as aim-engine's MODEL argument",
                "--engine-arg port=9000: --port is set by aim-engine and cannot be overridden; use aim-engine's --port",
                "--engine-arg -tp=4: -tp is set by aim-engine and cannot be overridden; use aim-engine's --gpus (the tensor-parallel size is the GPU count)",
                "--engine-arg host=::: --host is set by aim-engine and cannot be overridden; use aim-engine's --bind"),
                e.problems().stream().map(InputProblem::toString).toList());
    }

    @Test
    void everyFlagIsCheckedRecipeFlagsWithTheirLine() {
        RecipeVariant old = new RecipeVariant(Backend.VLLM, 1, true,
                List.of(new EngineArg("--swap-space", "4", false, 14)), Map.of(), 8);
        EngineOverrides o = EngineOverrides.parse(List.of("dtype=fp8"), null);
        InputException e = assertThrows(InputException.class, () -> merger.merge(recipe, old, o));
        assertEquals(2, e.problems().size());
        assertEquals("recipes/r.yaml:14: '--swap-space' was removed after vllm v0.16.0 (vllm v0.19.0 refuses it);"
                        + " remove it or pin that engine version",
                e.problems().get(0).toString());
        assertTrue(e.problems().get(1).toString().startsWith("--engine-arg dtype=fp8: '--dtype' does not accept 'fp8'"), e.problems().get(1).toString());
    }

    @Test
    void deprecatedFlagsPassWithAWarning() {
        OverrideMerger.Merged m = merger.merge(recipe, variant, EngineOverrides.parse(List.of("calculate-kv-scales"), null));
        assertEquals(1, m.warnings().size());
        assertTrue(m.warnings().get(0).startsWith("--engine-arg calculate-kv-scales: '--calculate-kv-scales' is deprecated"),
                m.warnings().get(0));
        assertEquals("--calculate-kv-scales=null", flags(m.variant()).get(3));
    }

    @Test
    void anOverriddenRecipeFlagIsNotCheckedAnyMore() {
        RecipeVariant bad = new RecipeVariant(Backend.VLLM, 1, true,
                List.of(new EngineArg("--dtype", "fp8", false, 14)), Map.of(), 8);
        EngineOverrides o = EngineOverrides.parse(List.of("dtype=bfloat16"), null);
        assertEquals(List.of("--dtype=bfloat16"), flags(merger.merge(recipe, bad, o).variant()));
    }

    @Test
    void jsonValuesBecomeText() {
        EngineOverrides o = EngineOverrides.parse(List.of(),
                "{\"compilation-config\": {\"level\": 3}, \"trust-remote-code\": null, \"max-num-seqs\": 8}");
        assertEquals(List.of("--compilation-config={\"level\":3}", "--trust-remote-code=null", "--max-num-seqs=8"),
                o.all().stream().map(a -> a.flag() + "=" + a.value()).toList());
        assertTrue(o.sets(List.of("--max_num_seqs")));
        assertFalse(o.sets(List.of("--max-model-len")));
    }

    @Test
    void unreadableOverridesAreBadInput() {
        assertEquals("AIM_ENGINE_ARGS: must be a JSON object of flag: value, such as {\"max-model-len\": 8192}",
                assertThrows(InputException.class, () -> EngineOverrides.parse(List.of(), "[1]")).getMessage());
        assertTrue(assertThrows(InputException.class, () -> EngineOverrides.parse(List.of(), "{oops"))
                .getMessage().startsWith("AIM_ENGINE_ARGS: not valid JSON"));
        assertEquals("--engine-arg: '=5' has no flag name; write KEY=VALUE, e.g. max-model-len=8192",
                assertThrows(InputException.class, () -> EngineOverrides.parse(List.of("=5"), null)).getMessage());
    }

    @Test
    void aContextLengthBelowOneNeverReachesTheCommand() {
        InputException e = assertThrows(InputException.class,
                () -> merger.merge(recipe, variant, EngineOverrides.parse(List.of("max-model-len=-5"), null)));
        assertEquals("--engine-arg max-model-len=-5: '--max-model-len' takes a context length above zero (or -1 or auto),"
                + " found '-5'", e.getMessage());
    }
}
