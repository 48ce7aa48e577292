package aimengine.rules;

import static aimengine.rules.RuleHarness.candidate;
import static aimengine.rules.RuleHarness.decisionRules;
import static aimengine.rules.RuleHarness.rejectedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.facts.Candidate;
import aimengine.facts.DeferredCandidate;
import aimengine.facts.NodeRequest;
import aimengine.facts.PlanRequest;
import aimengine.facts.RecipeGroup;
import aimengine.model.CheckpointShape;
import aimengine.model.ModelFacts;
import aimengine.plan.MultiNodeCandidates;
import java.util.List;
import org.junit.jupiter.api.Test;

/** rules/multinode.drl: each rule once where it fires and once where it must not. */
class MultiNodeRulesTest {
    /** Llama-3.1-405B's shape: 126 layers, 128 heads, 8 KV heads, 405.9B parameters. */
    static final ModelFacts LLAMA_405B = new ModelFacts("meta-llama/Llama-3.1-405B-Instruct", "llama",
            405_853_388_800L, 405_853_388_800L, 126, 128, 8, 128, 16384, 131072, "bfloat16", null, 0, 0, "test",
            CheckpointShape.plain("bf16"));

    private static Candidate one(String backend, int gpus) {
        return RuleHarness.candidate("r", LLAMA_405B.id(), "h100", "bf16", backend, gpus, "optimized", null, false, 32768);
    }

    private static DeferredCandidate on(Candidate one, int nodes) {
        return MultiNodeCandidates.on(one, nodes);
    }

    private static RuleHarness h100(int gpus, ModelFacts model, NodeRequest nodes) {
        return new RuleHarness().host("h100", gpus, gpus, gpus).model(model)
                .request(new PlanRequest(model.id(), 0, null, "vllm", "latency", null, nodes.exact())).facts(nodes);
    }

    @Test
    void oneNodeIsKeptWhenOneNodeWorks() {
        var eight = candidate("a", "mi300x", "bf16", 8);
        var twoNodes = on(eight, 2);
        var o = new RuleHarness().host("mi300x", 8, 8, 8).model(RuleHarness.LLAMA_70B).add(eight)
                .facts(new NodeRequest(2, true, false), twoNodes).run();
        assertEquals(eight.key(), o.selection().candidate());
        assertFalse(o.inScope().contains(twoNodes.candidate().key()), "two-node candidates are never brought in");
        assertFalse(decisionRules(o).contains("multinode/more-nodes"));
    }

    @Test
    void theFewestNodesThatFitAreChosenAndExplainedWithNumbers() {
        var eight = one("vllm", 8);
        var two = on(eight, 2);
        var three = on(eight, 3);
        var o = h100(8, LLAMA_405B, new NodeRequest(3, true, false)).add(eight).facts(two, three).run();
        assertEquals("fit/weights-exceed-memory", rejectedBy(o, eight));
        assertEquals(two.candidate().key(), o.selection().candidate());
        assertFalse(o.inScope().contains(three.candidate().key()));
        assertTrue(decisionRules(o).contains("multinode/more-nodes"));
        String why = o.decisions().stream().filter(d -> d.rule().equals("multinode/selected-with-one-node-numbers"))
                .findFirst().orElseThrow().message();
        assertTrue(why.contains("needs 2 nodes of 8 x h100: 756.0 GiB of weights / 16 GPUs (TP 8 x PP 2) = 47.2 GiB per GPU"), why);
        assertTrue(why.contains("on one node 756.0 GiB / 8 GPUs = 94.5 GiB per GPU"), why);
    }

    @Test
    void strictWithNodesKeepsExactlyThatMany() {
        var eight = one("vllm", 8);
        var two = on(eight, 2);
        var three = on(eight, 3);
        var o = h100(8, LLAMA_405B, new NodeRequest(3, true, true)).add(eight).facts(two, three).run();
        assertEquals("multinode/strict-node-count", rejectedBy(o, two.candidate()));
        assertEquals(three.candidate().key(), o.selection().candidate());
        assertTrue(decisionRules(o).contains("multinode/selected"));
    }

    @Test
    void withoutStrictTheNodeCountIsOnlyAnUpperBound() {
        var eight = one("vllm", 8);
        var two = on(eight, 2);
        var o = h100(8, LLAMA_405B, new NodeRequest(3, true, false)).add(eight).facts(two, on(eight, 3)).run();
        assertNull(rejectedBy(o, two.candidate()));
    }

    @Test
    void pipelineStagesMayNotExceedTheLayers() {
        ModelFacts oneLayer = new ModelFacts("test/Wide-1L", "llama", 80_000_000_000L, 80_000_000_000L, 1, 64, 8,
                1024, 65536, 8192, "bfloat16", null, 0, 0, "test",
            CheckpointShape.plain("bf16"));
        var single = RuleHarness.candidate("w", oneLayer.id(), "h100", "bf16", "vllm", 1, "optimized", null, false, 8192);
        var twoNodes = on(single, 2);
        var o = h100(1, oneLayer, new NodeRequest(2, true, false)).add(single).facts(twoNodes).run();
        assertEquals("multinode/pipeline-exceeds-layers", rejectedBy(o, twoNodes.candidate()));
        var wide = h100(8, LLAMA_405B, new NodeRequest(2, true, false));
        var eight = one("vllm", 8);
        var fine = on(eight, 2);
        assertNull(rejectedBy(wide.add(eight).facts(fine).run(), fine.candidate()));
    }

    @Test
    void aMultiNodePlanUsesEveryGpuOfEachNode() {
        var four = one("vllm", 4);
        var eight = one("vllm", 8);
        var fourTwice = on(four, 2);
        var eightTwice = on(eight, 2);
        var o = h100(8, LLAMA_405B, new NodeRequest(2, true, false)).add(four, eight).facts(fourTwice, eightTwice).run();
        assertEquals("multinode/whole-nodes", rejectedBy(o, fourTwice.candidate()));
        assertNull(rejectedBy(o, eightTwice.candidate()));
    }

    @Test
    void sglangTensorParallelOverAllGpusMustDivideTheHeads() {
        ModelFacts heads24 = new ModelFacts("test/Heads-24", "llama", 405_853_388_800L, 405_853_388_800L, 126, 24, 8,
                128, 16384, 131072, "bfloat16", null, 0, 0, "test",
            CheckpointShape.plain("bf16"));
        NodeRequest upToTwo = new NodeRequest(2, true, false);
        var sglang = RuleHarness.candidate("s", heads24.id(), "h100", "bf16", "sglang", 8, "optimized", null, false, 32768);
        var sglangTwice = on(sglang, 2);
        var o = new RuleHarness().host("h100", 8, 8, 8).model(heads24).facts(upToTwo)
                .request(new PlanRequest(heads24.id(), 0, null, "sglang", "latency", null, false))
                .add(sglang).facts(sglangTwice).run();
        assertEquals("multinode/tensor-parallel-divides-heads", rejectedBy(o, sglangTwice.candidate()));
        var vllm = RuleHarness.candidate("s", heads24.id(), "h100", "bf16", "vllm", 8, "optimized", null, false, 32768);
        var vllmTwice = on(vllm, 2);
        var v = h100(8, heads24, upToTwo).add(vllm).facts(vllmTwice).run();
        assertNull(rejectedBy(v, vllmTwice.candidate()), "vLLM keeps tensor parallel 8 inside each node");
    }

    @Test
    void oneNodeOnlyIsPointedOutWhenNothingFitsAndOnlyWhenAsked() {
        var eight = one("vllm", 8);
        var asked = h100(8, LLAMA_405B, new NodeRequest(1, true, false)).add(eight).run();
        assertNull(asked.selection());
        assertTrue(decisionRules(asked).contains("multinode/one-node-only"));
        var notAsked = h100(8, LLAMA_405B, NodeRequest.oneNode()).add(one("vllm", 8)).run();
        assertFalse(decisionRules(notAsked).contains("multinode/one-node-only"));
    }

    @Test
    void aGroupHoldsItsMultiNodeFormsBackUntilOneNodeCannotServe() {
        var eight = one("vllm", 8);
        var two = on(eight, 2);
        var group = new RecipeGroup(eight.modelId(), eight.checkpoint(), List.of(eight), List.of(two), List.of());
        var o = h100(8, LLAMA_405B, new NodeRequest(2, true, false)).facts(group).run();
        assertEquals(two.candidate().key(), o.selection().candidate());
        assertTrue(o.inScope().contains(two.candidate().key()), "brought in InScope by multinode/more-nodes");
    }

    @Test
    void anotherModelsMultiNodeFormsNeverComeIn() {
        var eight = one("vllm", 8);
        var other = RuleHarness.candidate("q", "Qwen/Qwen3-32B", "h100", "bf16", "vllm", 8, "optimized", null, false, 0);
        var otherTwo = on(other, 2);
        var mine = new RecipeGroup(eight.modelId(), eight.checkpoint(), List.of(eight), List.of(on(eight, 2)), List.of());
        var theirs = new RecipeGroup(other.modelId(), other.checkpoint(), List.of(other), List.of(otherTwo), List.of());
        var o = h100(8, LLAMA_405B, new NodeRequest(2, true, false)).facts(mine, theirs).run();
        assertTrue(decisionRules(o).contains("multinode/more-nodes"));
        assertFalse(o.inScope().contains(otherTwo.candidate().key()));
        assertFalse(o.inScope().contains(other.key()));
        assertEquals(on(eight, 2).candidate().key(), o.selection().candidate());
    }
}
