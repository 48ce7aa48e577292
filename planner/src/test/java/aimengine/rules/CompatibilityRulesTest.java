package aimengine.rules;

import static aimengine.rules.RuleHarness.candidate;
import static aimengine.rules.RuleHarness.rejectedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.facts.PlanRequest;
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
    void recipeForAnotherProductIsRejected() {
        var c = candidate("r", "mi325x", "bf16", 4);
        var o = h.add(c).run();
        assertEquals("compatibility/hardware", rejectedBy(o, c));
        assertTrue(RuleHarness.reason(o, c).contains("mi325x"));
    }

    @Test
    void noFp8OnGfx90a() {
        var fp8 = candidate("r", "mi250x", "fp8", 8);
        var o = new RuleHarness().host("mi250x", 8, 8, 8).model(RuleHarness.LLAMA_70B).add(fp8).run();
        assertEquals("compatibility/precision", rejectedBy(o, fp8));
        assertTrue(RuleHarness.reason(o, fp8).contains("gfx90a"));
    }

    @Test
    void requestingAPrecisionTheArchitectureLacksIsStated() {
        var o = new RuleHarness().host("mi210", 4, 4, 4).model(RuleHarness.LLAMA_70B)
                .request(new PlanRequest(RuleHarness.LLAMA_70B.id(), 0, "fp8", "vllm", "latency", null, false)).run();
        assertTrue(RuleHarness.decisionRules(o).contains("compatibility/requested-precision-unsupported"));
    }

    @Test
    void otherBackendIsRejected() {
        var sglang = candidate("r", RuleHarness.LLAMA_70B.id(), "mi300x", "bf16", "sglang", 4, "optimized", null, false, 0);
        assertEquals("compatibility/backend", rejectedBy(h.add(sglang).run(), sglang));
    }

    @Test
    void profileTunedForTheOtherMetricIsRejected() {
        var throughput = candidate("r", RuleHarness.LLAMA_70B.id(), "mi300x", "bf16", "vllm", 4, "optimized", "throughput", false, 0);
        assertEquals("compatibility/metric", rejectedBy(h.add(throughput).run(), throughput));
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
    }
}
