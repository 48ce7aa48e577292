package aimengine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.engine.Backend;
import aimengine.facts.Candidate;
import aimengine.facts.CodeRequest;
import aimengine.facts.RecipeGroup;
import aimengine.hardware.Precision;
import aimengine.recipe.EngineArg;
import aimengine.recipe.Recipe;
import aimengine.recipe.RecipeType;
import aimengine.recipe.RecipeVariant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CandidateIndexTest {
    private static final List<EngineArg> REMOTE_CODE = List.of(new EngineArg("--trust-remote-code", null, false, 0));

    private static Recipe recipe(String id, String model, Precision precision, List<EngineArg> args, int... gpus) {
        List<RecipeVariant> variants = java.util.Arrays.stream(gpus)
                .mapToObj(g -> new RecipeVariant(Backend.VLLM, g, true, args, Map.of(), 0)).toList();
        return new Recipe(id, model, model, model == null ? "gfx942" : "mi300x", precision,
                model == null ? RecipeType.GENERAL : RecipeType.OPTIMIZED, null, false, Map.of(), variants, "seed", "test");
    }

    private static List<String> keys(RecipeGroup g) {
        return g.candidates().stream().map(Candidate::key).toList();
    }

    @Test
    void recipesAreGroupedByTheModelTheyServeAndGeneralOnesByThemselvesInCatalogOrder() {
        var index = new CandidateIndex(List.of(
                recipe("qwen-a", "Qwen/Qwen3-32B", Precision.BF16, List.of(), 1, 2),
                recipe("llama", "meta-llama/Llama-3.3-70B-Instruct", Precision.BF16, List.of(), 8),
                recipe("general", null, null, List.of(), 4),
                recipe("qwen-b", "Qwen/Qwen3-32B", Precision.FP8, List.of(), 1)));
        var groups = index.plan("bf16", 1).stream().map(CandidateIndex.Planned::fact).toList();
        assertEquals(3, groups.size());
        assertEquals(List.of("qwen-a/vllm/1", "qwen-a/vllm/2", "qwen-b/vllm/1"), keys(groups.get(0)));
        assertEquals(List.of("llama/vllm/8"), keys(groups.get(1)));
        assertTrue(groups.get(2).general());
        assertFalse(groups.get(0).general());
        assertTrue(groups.get(0).serves("qwen/qwen3-32b"));
        assertFalse(groups.get(0).serves("meta-llama/Llama-3.3-70B-Instruct"));
    }

    @Test
    void aGroupOfFixedPrecisionsIsExpandedOnceAndGeneralRecipesTakeEachPlansCheckpointPrecision() {
        var index = new CandidateIndex(List.of(recipe("qwen", "Qwen/Qwen3-32B", Precision.BF16, List.of(), 1),
                recipe("general", null, null, List.of(), 4)));
        var first = index.plan("bf16", 1);
        var second = index.plan("fp8", 1);
        assertSame(first.get(0), second.get(0), "reused from plan to plan");
        assertEquals("bf16", first.get(1).fact().candidates().get(0).precision());
        assertEquals("fp8", second.get(1).fact().candidates().get(0).precision());
        assertNull(index.plan(null, 1).get(1).fact().candidates().get(0).precision());
    }

    @Test
    void multiNodeFormsAndRequestsForRemoteCodeTravelWithTheirGroup() {
        var index = new CandidateIndex(List.of(recipe("custom", "org/custom", Precision.BF16, REMOTE_CODE, 8),
                recipe("plain", "org/plain", Precision.BF16, List.of(), 8)));
        var oneNode = index.plan("bf16", 1);
        assertTrue(oneNode.get(0).fact().deferred().isEmpty());
        assertEquals(List.of("custom/vllm/8"), oneNode.get(0).fact().codeRequests().stream().map(CodeRequest::candidate).toList());
        var threeNodes = index.plan("bf16", 3);
        var custom = threeNodes.get(0);
        assertEquals(List.of("custom/vllm/2x8", "custom/vllm/3x8"),
                custom.fact().deferred().stream().map(d -> d.candidate().key()).toList());
        assertEquals(List.of("custom/vllm/8", "custom/vllm/2x8", "custom/vllm/3x8"),
                custom.fact().codeRequests().stream().map(CodeRequest::candidate).toList());
        assertEquals(Set.of("custom/vllm/2x8", "custom/vllm/3x8"), custom.multi().sources().keySet());
        assertTrue(threeNodes.get(1).fact().codeRequests().isEmpty());
    }

    @Test
    void aGroupIsInScopeWhenTheRulesBroughtItsCandidatesIn() {
        var planned = new CandidateIndex(List.of(recipe("qwen", "Qwen/Qwen3-32B", Precision.BF16, List.of(), 1, 2)))
                .plan("bf16", 1).get(0);
        assertTrue(planned.inScope(Set.of("qwen/vllm/1", "qwen/vllm/2")));
        assertFalse(planned.inScope(Set.of("other/vllm/1")));
    }
}
