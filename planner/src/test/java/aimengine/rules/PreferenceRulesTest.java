package aimengine.rules;

import static aimengine.rules.RuleHarness.candidate;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void recipeIdBreaksTies() {
        var b = candidate("b", "mi300x", "bf16", 4);
        var a = candidate("a", "mi300x", "bf16", 4);
        assertEquals(a.key(), select(q(0, null, "latency", null), "mi300x", b, a));
    }
}
