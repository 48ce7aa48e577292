package aimengine.rules;

import static aimengine.rules.RuleHarness.candidate;
import static aimengine.rules.RuleHarness.decisionRules;
import static aimengine.rules.RuleHarness.rejectedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void shortenedContextIsStated() {
        var one = candidate("a", "mi300x", "bf16", 1);
        var o = host(1).add(one).run();
        assertTrue(decisionRules(o).contains("fallback/shorter-context"));
    }
}
