package aimengine.rules;

import static aimengine.rules.RuleHarness.candidate;
import static aimengine.rules.RuleHarness.rejectedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.model.CheckpointShape;
import aimengine.model.MemoryMath;
import org.junit.jupiter.api.Test;

class FitRulesTest {
    private RuleHarness mi300x(int gpus) {
        return new RuleHarness().host("mi300x", gpus, gpus, gpus).model(RuleHarness.LLAMA_70B);
    }

    @Test
    void tensorParallelSizeMustDivideTheHeads() {
        var three = candidate("r", "mi300x", "bf16", 3);
        var eight = candidate("r", "mi300x", "bf16", 8);
        var o = mi300x(8).add(three, eight).run();
        assertEquals("fit/tensor-parallel-divides-heads", rejectedBy(o, three));
        assertTrue(RuleHarness.reason(o, three).contains("64 attention heads"));
        assertNull(rejectedBy(o, eight));
    }

    @Test
    void kvHeadsMustSplitOrReplicateEvenly() {
        // 48 heads, 6 KV heads: 4 GPUs divide the heads but can neither split nor replicate 6 KV heads evenly.
        var m = RuleHarness.shaped("test/kv6", 48, 6, CheckpointShape.plain("bf16"));
        var four = candidate("r", "test/kv6", "mi300x", "bf16", "vllm", 4, "optimized", null, false, 0);
        var two = candidate("r", "test/kv6", "mi300x", "bf16", "vllm", 2, "optimized", null, false, 0);
        var o = new RuleHarness().host("mi300x", 8, 8, 8).model(m).request(RuleHarness.request("test/kv6")).add(four, two).run();
        assertEquals("fit/tensor-parallel-kv-heads", rejectedBy(o, four));
        assertNull(rejectedBy(o, two));
    }

    @Test
    void kvHeadsReplicatedAboveTheirCountAreStatedAndCounted() {
        var m = RuleHarness.shaped("test/kv2", 32, 2, CheckpointShape.plain("bf16"));
        var eight = candidate("r", "test/kv2", "mi300x", "bf16", "vllm", 8, "optimized", null, false, 0);
        var o = new RuleHarness().host("mi300x", 8, 8, 8).model(m).request(RuleHarness.request("test/kv2")).add(eight).run();
        assertTrue(RuleHarness.decisionRules(o).contains("fit/kv-heads-replicated"));
        // One whole KV head per GPU: 2 x 32 layers x 1 x 128 x 2 bytes per token, not a quarter of a head.
        assertEquals(2.0 * 32 * 128 * 2 * 32768 / MemoryMath.GIB, o.fits().get(eight.key()).estimate().kvNeededGiBPerGpu(), 1e-9);
        var two = candidate("r", "test/kv2", "mi300x", "bf16", "vllm", 2, "optimized", null, false, 0);
        var notReplicated = new RuleHarness().host("mi300x", 2, 2, 2).model(m).request(RuleHarness.request("test/kv2"))
                .add(two).run();
        assertFalse(RuleHarness.decisionRules(notReplicated).contains("fit/kv-heads-replicated"));
    }

    @Test
    void blockQuantizedFp8MustKeepWholeBlocksAfterTheSplit() {
        // Qwen3-235B-A22B-FP8's experts: moe_intermediate_size 1536 in 128 x 128 blocks; 1536 / 8 = 192 is not whole.
        var m = RuleHarness.shaped("test/fp8-moe", 64, 4, new CheckpointShape("fp8", 12288, 1536, 128, 128, 128));
        var eight = candidate("r", "test/fp8-moe", "mi300x", "fp8", "vllm", 8, "optimized", null, false, 0);
        var four = candidate("r", "test/fp8-moe", "mi300x", "fp8", "vllm", 4, "optimized", null, false, 0);
        var o = new RuleHarness().host("mi300x", 8, 8, 8).model(m).request(RuleHarness.request("test/fp8-moe"))
                .add(eight, four).run();
        assertEquals("fit/block-quantized-split", rejectedBy(o, eight));
        assertTrue(RuleHarness.reason(o, eight).contains("moe_intermediate_size 1536 / 8 GPUs = 192, not a multiple of the 128 x 128 weight block"),
                RuleHarness.reason(o, eight));
        assertNull(rejectedBy(o, four));
        // A recipe that loads another checkpoint (a per-tensor FP8 one) is not held to this checkpoint's blocks.
        var swapped = new aimengine.facts.Candidate("s/vllm/8", "s", "test/fp8-moe", "org/other-fp8", "mi300x", "fp8",
                "vllm", 8, "optimized", null, false, 0, 0.9, 2.0);
        var o2 = new RuleHarness().host("mi300x", 8, 8, 8).model(m).request(RuleHarness.request("test/fp8-moe"))
                .add(swapped).run();
        assertNull(rejectedBy(o2, swapped));
    }

    @Test
    void noMoreGpusThanUsable() {
        var eight = candidate("r", "mi300x", "bf16", 8);
        var four = candidate("r", "mi300x", "bf16", 4);
        var o = mi300x(4).add(eight, four).run();
        assertEquals("fit/gpu-count", rejectedBy(o, eight));
        assertEquals("needs 8 GPUs; 4 usable", RuleHarness.reason(o, eight));
        assertNull(rejectedBy(o, four));
    }

    @Test
    void weightsThatDoNotFitAreRejectedWithTheNumbers() {
        var one = candidate("r", "mi210", "bf16", 1);
        var four = candidate("r", "mi210", "bf16", 4);
        var o = new RuleHarness().host("mi210", 4, 4, 4).model(RuleHarness.LLAMA_70B).add(one, four).run();
        assertEquals("fit/weights-exceed-memory", rejectedBy(o, one));
        assertTrue(RuleHarness.reason(o, one).startsWith("131.4 GiB of weights / 1 GPUs = 131.4 GiB per GPU"),
                RuleHarness.reason(o, one));
        assertTrue(RuleHarness.reason(o, one).contains("> 57.6 GiB usable (0.90 x 64.0 GiB)"), RuleHarness.reason(o, one));
        assertNull(rejectedBy(o, four));
    }

    @Test
    void aMixtureOfExpertsCountsEveryExpert() {
        // 1B active of 8B total: the weights that must fit are all 8B.
        var m = RuleHarness.shaped("test/moe", 32, 8, new CheckpointShape("bf16", 0, 1024, 64, 0, 0));
        var c = candidate("r", "test/moe", "l40s", "bf16", "vllm", 1, "optimized", null, false, 0);
        var tiny = new RuleHarness().host("l40s", 1, 1, 1).model(new aimengine.model.ModelFacts("test/moe", "test",
                60_000_000_000L, 3_000_000_000L, 32, 32, 8, 128, 4096, 32768, "bfloat16", null, 0, 0, "test", m.shape()))
                .request(RuleHarness.request("test/moe")).add(c).run();
        assertEquals("fit/weights-exceed-memory", rejectedBy(tiny, c));
        assertTrue(RuleHarness.reason(tiny, c).contains("all experts resident"), RuleHarness.reason(tiny, c));
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
        var eight = candidate("r", "mi300x", "bf16", 8);
        assertNull(mi300x(8).add(eight).run().hints().get(eight.key()));
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
        // On an MI300X the same model keeps more than the minimum: shortened, not rejected.
        var big = candidate("r", "test/wide", "mi300x", "bf16", "vllm", 1, "optimized", null, false, 0);
        var o2 = new RuleHarness().host("mi300x", 1, 1, 1).model(wide).request(RuleHarness.request("test/wide")).add(big).run();
        assertNull(rejectedBy(o2, big));
        assertNotNull(o2.hints().get(big.key()));
    }

    @Test
    void unknownModelCannotBeCheckedAndIsRejected() {
        var c = candidate("r", "mi300x", "bf16", 8);
        var o = new RuleHarness().host("mi300x", 8, 8, 8).add(c).run();
        assertEquals("fit/unknown-model", rejectedBy(o, c));
        assertNull(rejectedBy(mi300x(8).add(c).run(), c));
    }
}
