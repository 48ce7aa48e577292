package aimengine.rules;

import static aimengine.rules.RuleHarness.candidate;
import static aimengine.rules.RuleHarness.rejectedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.facts.Candidate;
import aimengine.facts.CodeRequest;
import aimengine.facts.NodeRequest;
import aimengine.facts.PlanRequest;
import aimengine.facts.RecipeGroup;
import aimengine.plan.MultiNodeCandidates;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompatibilityRulesTest {
    private final RuleHarness h = new RuleHarness().host("mi300x", 8, 8, 8).model(RuleHarness.LLAMA_70B);

    @Test
    void recipeForAnotherModelIsSetAside() {
        var other = candidate("qwen", "Qwen/Qwen3-32B", "mi300x", "bf16", "vllm", 1, "optimized", null, false, 0);
        var mine = candidate("llama", "mi300x", "bf16", 1);
        var o = h.add(other, mine).run();
        assertTrue(o.inScope().contains(mine.key()));
        assertFalse(o.inScope().contains(other.key()));
        // Set aside, not explained: no rule rejects it or computes a fit for it.
        assertNull(rejectedBy(o, other));
        assertNull(o.fits().get(other.key()));
    }

    @Test
    void theRequestedModelsGroupsComeInByServedIdInAnyCaseByCheckpointAndGeneral() {
        var upper = candidate("upper", RuleHarness.LLAMA_70B.id().toUpperCase(), "mi300x", "bf16", "vllm", 1,
                "optimized", null, false, 0);
        var byCheckpoint = new Candidate("renamed/vllm/2", "renamed", "my-llama", RuleHarness.LLAMA_70B.id(), "mi300x",
                "bf16", "vllm", 2, "optimized", null, false, 0, 0.9, 2.0);
        var general = candidate("general", null, "gfx942", "bf16", "vllm", 4, "general", null, false, 0);
        var o = h.add(upper, byCheckpoint, general).run();
        assertTrue(o.inScope().containsAll(List.of(upper.key(), byCheckpoint.key(), general.key())), o.inScope()::toString);
        assertNotNull(o.fits().get(byCheckpoint.key()), "a candidate brought in goes through the later rules");
    }

    @Test
    void aGroupOfAnotherModelBringsNothingIn() {
        var other = candidate("qwen", "Qwen/Qwen3-32B", "mi300x", "bf16", "vllm", 8, "optimized", null, false, 0);
        var group = new RecipeGroup(other.modelId(), other.checkpoint(), List.of(other),
                List.of(MultiNodeCandidates.on(other, 2)), List.of(new CodeRequest(other.key(), "recipe qwen")));
        var o = h.facts(group).facts(new NodeRequest(2, true, false)).run();
        assertTrue(o.inScope().isEmpty(), o.inScope()::toString);
        assertTrue(o.rejections().isEmpty() && o.fits().isEmpty());
        assertTrue(RuleHarness.decisionRules(o).contains("fallback/no-recipe"), "nothing came in to plan with");
    }

    @Test
    void recipeForAnotherProductIsRejected() {
        var c = candidate("r", "mi325x", "bf16", 4);
        var o = h.add(c).run();
        assertEquals("compatibility/hardware", rejectedBy(o, c));
        assertTrue(RuleHarness.reason(o, c).contains("mi325x"));
    }

    @Test
    void recipeForTheArchitectureIsNotRejectedByHardware() {
        var arch = candidate("general-gfx942", null, "gfx942", "bf16", "vllm", 4, "general", null, false, 0);
        var otherArch = candidate("general-gfx950", null, "gfx950", "bf16", "vllm", 4, "general", null, false, 0);
        var o = h.add(arch, otherArch).run();
        assertNull(rejectedBy(o, arch));
        assertEquals("compatibility/hardware", rejectedBy(o, otherArch));
    }

    @Test
    void noFp8OnGfx90a() {
        var fp8 = candidate("r", "mi250x", "fp8", 8);
        var bf16 = candidate("s", "mi250x", "bf16", 8);
        var o = new RuleHarness().host("mi250x", 8, 8, 8).model(RuleHarness.LLAMA_70B).add(fp8, bf16).run();
        assertEquals("compatibility/precision", rejectedBy(o, fp8));
        assertTrue(RuleHarness.reason(o, fp8).contains("gfx90a"));
        assertFalse("compatibility/precision".equals(rejectedBy(o, bf16)));
    }

    @Test
    void fp8RunsFromAdaOnNvidiaNotOnAmpere() {
        var ada = candidate("r", "l40s", "fp8", 8);
        var ampere = candidate("r", "a100-80gb", "fp8", 1);
        assertNull(rejectedBy(new RuleHarness().host("l40s", 8, 8, 8).model(RuleHarness.LLAMA_70B).add(ada).run(), ada));
        assertEquals("compatibility/precision",
                rejectedBy(new RuleHarness().host("a100-80gb", 1, 1, 1).model(RuleHarness.LLAMA_70B).add(ampere).run(), ampere));
    }

    @Test
    void requestingAPrecisionTheArchitectureLacksIsStated() {
        var o = new RuleHarness().host("mi210", 4, 4, 4).model(RuleHarness.LLAMA_70B)
                .request(new PlanRequest(RuleHarness.LLAMA_70B.id(), 0, "fp8", "vllm", "latency", null, false)).run();
        assertTrue(RuleHarness.decisionRules(o).contains("compatibility/requested-precision-unsupported"));
    }

    @Test
    void otherBackendIsRejectedOnlyWhenOneIsAskedFor() {
        var sglang = candidate("r", RuleHarness.LLAMA_70B.id(), "mi300x", "bf16", "sglang", 4, "optimized", null, false, 0);
        var asked = h.add(sglang)
                .request(new PlanRequest(RuleHarness.LLAMA_70B.id(), 0, null, "vllm", "latency", null, false)).run();
        assertEquals("compatibility/backend", rejectedBy(asked, sglang));
        assertTrue(RuleHarness.reason(asked, sglang).contains("vllm asked for with --backend"), RuleHarness.reason(asked, sglang));
        var defaulted = new RuleHarness().host("mi300x", 8, 8, 8).model(RuleHarness.LLAMA_70B).add(sglang).run();
        assertNull(rejectedBy(defaulted, sglang));
    }

    @Test
    void profileTunedForTheOtherMetricIsRejected() {
        var throughput = candidate("r", RuleHarness.LLAMA_70B.id(), "mi300x", "bf16", "vllm", 4, "optimized", "throughput", false, 0);
        var both = candidate("s", RuleHarness.LLAMA_70B.id(), "mi300x", "bf16", "vllm", 4, "optimized", null, false, 0);
        var latency = candidate("t", RuleHarness.LLAMA_70B.id(), "mi300x", "bf16", "vllm", 4, "optimized", "latency", false, 0);
        var o = h.add(throughput, both, latency).run();
        assertEquals("compatibility/metric", rejectedBy(o, throughput));
        assertNull(rejectedBy(o, both));
        assertNull(rejectedBy(o, latency));
    }

    @Test
    void manualSelectionOnlyRunsOnlyWhenPinned() {
        var manual = candidate("manual", RuleHarness.LLAMA_70B.id(), "mi300x", "bf16", "vllm", 4, "optimized", null, true, 0);
        assertEquals("compatibility/manual-selection-only", rejectedBy(h.add(manual).run(), manual));
        var pinned = new RuleHarness().host("mi300x", 8, 8, 8).model(RuleHarness.LLAMA_70B).add(manual)
                .request(new PlanRequest(RuleHarness.LLAMA_70B.id(), 0, null, "vllm", "latency", "manual", false)).run();
        assertNull(rejectedBy(pinned, manual));
        assertEquals(manual.key(), pinned.selection().candidate());
    }

    @Test
    void generalRecipeNeedsModelFacts() {
        var general = candidate("general", null, "mi300x", "fp16", "vllm", 1, "general", null, false, 0);
        var o = new RuleHarness().host("mi300x", 8, 8, 8).add(general).run();
        assertEquals("general/needs-model-facts", rejectedBy(o, general));
        assertTrue(RuleHarness.reason(o, general).contains("(not in the test's facts)"), RuleHarness.reason(o, general));
        assertNull(rejectedBy(new RuleHarness().host("mi300x", 8, 8, 8).model(RuleHarness.LLAMA_70B).add(general).run(),
                general));
    }

    @Test
    void aFixedPrecisionGeneralRecipeServesOnlyCheckpointsOfThatPrecision() {
        // AIM's general profiles are fp16: they serve 16-bit checkpoints (bf16 too), not an FP8 one.
        var fp16 = candidate("general-fp16", null, "mi300x", "fp16", "vllm", 8, "general", null, false, 0);
        var fp8Model = RuleHarness.shaped("test/fp8", 32, 8, new aimengine.model.CheckpointShape("fp8", 0, 0, 0, 0, 0));
        var o = new RuleHarness().host("mi300x", 8, 8, 8).model(fp8Model).request(RuleHarness.request("test/fp8"))
                .add(fp16).run();
        assertEquals("general/checkpoint-precision", rejectedBy(o, fp16));
        assertNull(rejectedBy(h.add(fp16).run(), fp16));
    }

    @Test
    void aCheckpointQuantizationAimEngineCannotSizeRejectsGeneralRecipes() {
        var general = candidate("general", null, "gfx942", null, "vllm", 8, "general", null, false, 0);
        var unknown = RuleHarness.shaped("test/bnb", 32, 8, aimengine.model.CheckpointShape.plain(null));
        var o = new RuleHarness().host("mi300x", 8, 8, 8).model(unknown).request(RuleHarness.request("test/bnb"))
                .add(general).run();
        assertEquals("general/checkpoint-precision-unknown", rejectedBy(o, general));
        var known = candidate("general", null, "gfx942", "bf16", "vllm", 8, "general", null, false, 0);
        assertNull(rejectedBy(h.add(known).run(), known));
    }
}
