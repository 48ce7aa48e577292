package aimengine.rules;

import static aimengine.rules.RuleHarness.candidate;
import static aimengine.rules.RuleHarness.decisionRules;
import static aimengine.rules.RuleHarness.rejectedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.facts.PlanRequest;
import org.junit.jupiter.api.Test;

class FallbackRulesTest {
    private static final String MODEL = RuleHarness.LLAMA_70B.id();

    private static RuleHarness host(int gpus) {
        return new RuleHarness().host("mi300x", gpus, gpus, gpus).model(RuleHarness.LLAMA_70B);
    }

    @Test
    void neverAboveTheRequest() {
        var eight = candidate("a", "mi300x", "bf16", 8);
        var o = host(8).request(new PlanRequest(MODEL, 4, null, "vllm", "latency", null, false)).add(eight).run();
        assertEquals("fallback/never-above-request", rejectedBy(o, eight));
    }

    @Test
    void eightFallsBackToFourOnAFourGpuHostAndSaysSo() {
        var eight = candidate("a", "mi300x", "bf16", 8);
        var four = candidate("a", "mi300x", "bf16", 4);
        var two = candidate("a", "mi300x", "bf16", 2);
        var o = host(4).request(new PlanRequest(MODEL, 8, null, "vllm", "latency", null, false)).add(eight, four, two).run();
        assertEquals(four.key(), o.selection().candidate());
        assertTrue(decisionRules(o).contains("fallback/gpu-count"));
    }

    @Test
    void strictMakesTheFallbackAnError() {
        var four = candidate("a", "mi300x", "bf16", 4);
        var o = host(4).request(new PlanRequest(MODEL, 8, null, "vllm", "latency", null, true)).add(four).run();
        assertNull(o.selection());
        assertEquals("fallback/strict-gpu-count", rejectedBy(o, four));
        assertTrue(decisionRules(o).contains("fallback/no-recipe"), decisionRules(o).toString());
    }

    @Test
    void precisionFallsBackAndSaysSo() {
        var bf16 = candidate("a", "mi300x", "bf16", 8);
        var o = host(8).request(new PlanRequest(MODEL, 0, "fp8", "vllm", "latency", null, false)).add(bf16).run();
        assertEquals(bf16.key(), o.selection().candidate());
        assertTrue(decisionRules(o).contains("fallback/precision"));
    }

    @Test
    void strictPrecisionIsRejected() {
        var bf16 = candidate("a", "mi300x", "bf16", 8);
        var o = host(8).request(new PlanRequest(MODEL, 0, "fp8", "vllm", "latency", null, true)).add(bf16).run();
        assertEquals("fallback/strict-precision", rejectedBy(o, bf16));
    }

    @Test
    void pinnedRecipeThatCannotRunGivesWay() {
        var pinned = candidate("pinned", "mi300x", "bf16", 3);
        var other = candidate("other", "mi300x", "bf16", 4);
        var o = host(8).request(new PlanRequest(MODEL, 0, null, "vllm", "latency", "pinned", false)).add(pinned, other).run();
        assertEquals(other.key(), o.selection().candidate());
        assertTrue(decisionRules(o).contains("fallback/pinned-recipe"));
        var strict = host(8).request(new PlanRequest(MODEL, 0, null, "vllm", "latency", "pinned", true)).add(pinned, other).run();
        assertNull(strict.selection());
    }

    @Test
    void withoutFactsTheExplanationSaysWhereItLooked() {
        var c = candidate("a", "mi300x", "bf16", 8);
        var o = new RuleHarness().host("mi300x", 8, 8, 8).add(c).run();
        assertTrue(decisionRules(o).contains("fallback/no-model-facts"));
        assertTrue(o.decisions().get(o.decisions().size() - 1).message().contains("(not in the test's facts)"));
        assertFalse(decisionRules(host(8).add(c).run()).contains("fallback/no-model-facts"));
    }

    @Test
    void nothingFitsGivesTheClosestCandidatesNumbers() {
        var one = candidate("a", "mi210", "bf16", 1);
        var two = candidate("a", "mi210", "bf16", 2);
        var o = new RuleHarness().host("mi210", 2, 2, 2).model(RuleHarness.LLAMA_70B).add(one, two).run();
        var last = o.decisions().get(o.decisions().size() - 1);
        assertEquals("fallback/nothing-fits", last.rule());
        // The 2-GPU candidate comes closest: 65.7 GiB of weights per GPU against 57.6 GiB usable.
        assertTrue(last.message().contains("closest: a on 2 GPUs at bf16: 65.7 GiB weights"), last.message());
        var four = candidate("a", "mi210", "bf16", 4);
        var fits = new RuleHarness().host("mi210", 4, 4, 4).model(RuleHarness.LLAMA_70B).add(four).run();
        assertFalse(decisionRules(fits).contains("fallback/nothing-fits"));
    }

    @Test
    void noRecipeForThisHardwareIsSaidSo() {
        var other = candidate("a", "mi325x", "bf16", 8);
        var o = host(8).add(other).run();
        assertEquals("fallback/no-recipe", o.decisions().get(o.decisions().size() - 1).rule());
        var mine = candidate("b", "mi300x", "bf16", 8);
        assertFalse(decisionRules(host(8).add(other, mine).run()).contains("fallback/no-recipe"));
    }

    @Test
    void askedBackendIsNamedWhenNothingServes() {
        var sglang = candidate("a", MODEL, "mi300x", "bf16", "sglang", 8, "optimized", null, false, 0);
        var o = host(8).request(new PlanRequest(MODEL, 0, null, "vllm", "latency", null, false)).add(sglang).run();
        assertTrue(o.decisions().get(o.decisions().size() - 1).message().contains("--backend vllm asked for"));
    }

    @Test
    void shortenedContextIsStated() {
        var one = candidate("a", "mi300x", "bf16", 1);
        var o = host(1).add(one).run();
        assertTrue(decisionRules(o).contains("fallback/shorter-context"));
        var eight = candidate("a", "mi300x", "bf16", 8);
        assertFalse(decisionRules(host(8).add(eight).run()).contains("fallback/shorter-context"));
    }
}
