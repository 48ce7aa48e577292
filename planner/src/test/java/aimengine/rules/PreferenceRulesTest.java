package aimengine.rules;

import static aimengine.rules.RuleHarness.candidate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.facts.Candidate;
import aimengine.facts.PlanRequest;
import org.junit.jupiter.api.Test;

class PreferenceRulesTest {
    private static final String MODEL = RuleHarness.LLAMA_70B.id();

    private static String select(PlanRequest q, String product, Candidate... candidates) {
        var o = new RuleHarness().host(product, 8, 8, 8).model(RuleHarness.LLAMA_70B).request(q).add(candidates).run();
        return o.selection() == null ? null : o.selection().candidate();
    }

    private static PlanRequest q(int gpus, String precision, String metric, String pinned) {
        return new PlanRequest(MODEL, gpus, precision, "vllm", metric, pinned, false);
    }

    @Test
    void pinnedRecipeComesFirst() {
        var a = candidate("a", "mi300x", "bf16", 8);
        var pinned = candidate("z-pinned", "mi300x", "bf16", 2);
        assertEquals(pinned.key(), select(q(0, null, "latency", "z-pinned"), "mi300x", a, pinned));
    }

    @Test
    void requestedGpuCountBeatsTheMetric() {
        var eight = candidate("a", "mi300x", "bf16", 8);
        var four = candidate("a", "mi300x", "bf16", 4);
        assertEquals(four.key(), select(q(4, null, "latency", null), "mi300x", eight, four));
    }

    @Test
    void requestedPrecisionBeatsThePrecisionOrder() {
        var fp8 = candidate("a-fp8", "mi300x", "fp8", 4);
        var bf16 = candidate("b-bf16", "mi300x", "bf16", 4);
        assertEquals(bf16.key(), select(q(0, "bf16", "latency", null), "mi300x", fp8, bf16));
    }

    @Test
    void typeOrderOptimizedFirst() {
        var preview = candidate("a", MODEL, "mi300x", "bf16", "vllm", 4, "preview", null, false, 0);
        var optimized = candidate("b", MODEL, "mi300x", "bf16", "vllm", 4, "optimized", null, false, 0);
        var general = candidate("c", null, "mi300x", "fp16", "vllm", 4, "general", null, false, 0);
        assertEquals(optimized.key(), select(q(0, null, "latency", null), "mi300x", preview, general, optimized));
    }

    @Test
    void latencyPrefersMoreGpusThroughputFewer() {
        var two = candidate("a", "mi300x", "bf16", 2);
        var eight = candidate("a", "mi300x", "bf16", 8);
        assertEquals(eight.key(), select(q(0, null, "latency", null), "mi300x", two, eight));
        assertEquals(two.key(), select(q(0, null, "throughput", null), "mi300x", two, eight));
    }

    @Test
    void fp8FirstWhereNativeOtherwiseSixteenBit() {
        var fp8 = candidate("a", "mi300x", "fp8", 4);
        var bf16 = candidate("b", "mi300x", "bf16", 4);
        assertEquals(fp8.key(), select(q(0, null, "latency", null), "mi300x", fp8, bf16));
        var int8 = candidate("c", "mi250x", "int8", 8);
        var bf16Gcd = candidate("d", "mi250x", "bf16", 8);
        assertEquals(bf16Gcd.key(), select(q(0, null, "latency", null), "mi250x", int8, bf16Gcd));
    }

    @Test
    void withoutBackendVllmIsPreferredAndSglangIsAStatedFallback() {
        var vllm = candidate("b-general", null, "gfx942", "bf16", "vllm", 4, "general", null, false, 0);
        var sglang = candidate("a-optimized", MODEL, "mi300x", "bf16", "sglang", 8, "optimized", null, false, 0);
        var defaulted = new PlanRequest(MODEL, 0, null, null, "latency", null, false);
        var o = new RuleHarness().host("mi300x", 8, 8, 8).model(RuleHarness.LLAMA_70B).request(defaulted).add(vllm, sglang).run();
        assertEquals(vllm.key(), o.selection().candidate());
        assertFalse(RuleHarness.decisionRules(o).contains("fallback/backend"));
        var onlySglang = new RuleHarness().host("mi300x", 8, 8, 8).model(RuleHarness.LLAMA_70B).request(defaulted)
                .add(sglang).run();
        assertEquals(sglang.key(), onlySglang.selection().candidate());
        assertTrue(RuleHarness.decisionRules(onlySglang).contains("fallback/backend"));
    }

    @Test
    void theVendorsRecommendationComesBeforeTheMetricTieBreak() {
        // AMD recommends Llama-3.1-8B-Instruct on 1 x MI300X at FP8 for latency (rules/recommendations.drl);
        // without it, latency would prefer the 8-GPU variant.
        String llama8b = "meta-llama/Llama-3.1-8B-Instruct";
        var facts = RuleHarness.LLAMA_70B.withId(llama8b);
        var one = candidate("r", llama8b, "mi300x", "fp8", "vllm", 1, "optimized", null, false, 0);
        var eight = candidate("r", llama8b, "mi300x", "fp8", "vllm", 8, "optimized", null, false, 0);
        var q = new PlanRequest(llama8b, 0, null, null, "latency", null, false);
        var o = new RuleHarness().host("mi300x", 8, 8, 8).model(facts).request(q).add(one, eight).run();
        assertEquals(one.key(), o.selection().candidate());
        assertTrue(o.decisions().stream().anyMatch(d -> d.message().contains("recommended by AMD")), o.decisions().toString());
        // No recommendation for this product: the metric decides.
        var h200one = candidate("r", llama8b, "h200", "fp8", "vllm", 1, "optimized", null, false, 0);
        var h200eight = candidate("r", llama8b, "h200", "fp8", "vllm", 8, "optimized", null, false, 0);
        var o2 = new RuleHarness().host("h200", 8, 8, 8).model(facts).request(q).add(h200one, h200eight).run();
        assertEquals(h200eight.key(), o2.selection().candidate());
    }

    @Test
    void theHardwareEntryOrdersThePrecisions() {
        var hardware = RuleHarness.HARDWARE.byKey("mi300x").orElseThrow();
        assertTrue(hardware.precisionRank("fp8") < hardware.precisionRank("bf16"));
        assertEquals(hardware.precisions().size(), hardware.precisionRank("no-such-precision"));
    }

    @Test
    void recipeIdBreaksTies() {
        var b = candidate("b", "mi300x", "bf16", 4);
        var a = candidate("a", "mi300x", "bf16", 4);
        assertEquals(a.key(), select(q(0, null, "latency", null), "mi300x", b, a));
    }
}
