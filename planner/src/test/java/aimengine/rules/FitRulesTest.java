package aimengine.rules;

import static aimengine.rules.RuleHarness.candidate;
import static aimengine.rules.RuleHarness.rejectedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FitRulesTest {
    private RuleHarness mi300x(int gpus) {
        return new RuleHarness().host("mi300x", gpus, gpus, gpus).model(RuleHarness.LLAMA_70B);
    }

    @Test
    void tensorParallelSizeMustDivideTheHeads() {
        var three = candidate("r", "mi300x", "bf16", 3);
        var o = mi300x(8).add(three).run();
        assertEquals("fit/tensor-parallel-divides-heads", rejectedBy(o, three));
        assertTrue(RuleHarness.reason(o, three).contains("64 attention heads"));
    }

    @Test
    void noMoreGpusThanUsable() {
        var eight = candidate("r", "mi300x", "bf16", 8);
        var o = mi300x(4).add(eight).run();
        assertEquals("fit/gpu-count", rejectedBy(o, eight));
        assertEquals("needs 8 GPUs; 4 usable", RuleHarness.reason(o, eight));
    }

    @Test
    void weightsThatDoNotFitAreRejectedWithTheNumbers() {
        var one = candidate("r", "mi210", "bf16", 1);
        var o = new RuleHarness().host("mi210", 4, 4, 4).model(RuleHarness.LLAMA_70B).add(one).run();
        assertEquals("fit/weights-exceed-memory", rejectedBy(o, one));
        assertTrue(RuleHarness.reason(o, one).startsWith("131.4 GiB of weights / 1 GPUs = 131.4 GiB per GPU"),
                RuleHarness.reason(o, one));
        assertTrue(RuleHarness.reason(o, one).contains("> 57.6 GiB usable (0.90 x 64.0 GiB)"), RuleHarness.reason(o, one));
    }

    @Test
    void weightsThatFitButNotTheFullContextGetAHint() {
        // 70B bf16 on one MI300X: 131.4 GiB of weights leave ~38 GiB, less than 131072 tokens x 320 KiB = 40 GiB.
        var one = candidate("r", "mi300x", "bf16", 1);
        var o = mi300x(1).add(one).run();
        assertNull(rejectedBy(o, one));
        var hint = o.hints().get(one.key());
        assertNotNull(hint);
        assertTrue(hint.maxModelLen() < 131072 && hint.maxModelLen() >= 2048, "hint " + hint.maxModelLen());
        assertEquals(0, hint.maxModelLen() % 1024);
        assertTrue(hint.message().startsWith("fits with --max-model-len <= " + hint.maxModelLen()));
        assertTrue(o.selection().shortened());
    }

    @Test
    void kvCacheTooSmallForAUsefulContextIsRejected() {
        // A 10B model without GQA and 800 layers: 2 x 800 x 64 x 128 x 2 bytes = 25 MiB per token, so the
        // ~36 GiB left on one MI210 after weights and reserve hold fewer than 2048 tokens.
        var wide = new aimengine.model.ModelFacts("test/wide", "llama", 10_000_000_000L, 10_000_000_000L, 800, 64, 64,
                128, 8192, 32768, "bfloat16", null, 0, 0, "test", aimengine.model.CheckpointShape.plain("bf16"));
        var c = candidate("r", "test/wide", "mi210", "bf16", "vllm", 1, "optimized", null, false, 0);
        var o = new RuleHarness().host("mi210", 4, 4, 4).model(wide).request(RuleHarness.request("test/wide")).add(c).run();
        assertEquals("fit/kv-cache-too-small", rejectedBy(o, c));
        assertTrue(RuleHarness.reason(o, c).contains("fewer than 2048 tokens fit"), RuleHarness.reason(o, c));
    }

    @Test
    void unknownModelCannotBeCheckedAndIsRejected() {
        var c = candidate("r", "mi300x", "bf16", 8);
        var o = new RuleHarness().host("mi300x", 8, 8, 8).add(c).run();
        assertEquals("fit/unknown-model", rejectedBy(o, c));
    }
}
