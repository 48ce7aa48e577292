package aimengine.plan;

import aimengine.facts.Candidate;
import aimengine.facts.CodeRequest;
import aimengine.facts.RecipeGroup;
import aimengine.recipe.Recipe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog's candidates grouped by the model their recipes serve, built once per recipe catalog so that a warm
 * plan expands nothing again: one group per (model id, checkpoint) as the recipes write them, the general recipes
 * in theirs. It only sorts; which groups concern a request is for the rules to decide ("compatibility/model").
 */
final class CandidateIndex {
    private final List<Group> groups;

    CandidateIndex(Iterable<Recipe> recipes) {
        Map<List<String>, List<Recipe>> byModel = new LinkedHashMap<>();
        for (Recipe r : recipes) {
            // Arrays.asList: a general recipe's model and checkpoint are null
            byModel.computeIfAbsent(Arrays.asList(r.modelId(), r.checkpoint()), k -> new ArrayList<>()).add(r);
        }
        List<Group> list = new ArrayList<>(byModel.size());
        byModel.values().forEach(rs -> list.add(new Group(rs)));
        groups = List.copyOf(list);
    }

    /**
     * This plan's groups, in catalog order.
     *
     * @param checkpointPrecision the requested model's checkpoint precision, which recipes written with
     *                            {@code precision: checkpoint} take (their groups are expanded again for each plan)
     * @param maxNodes            the most nodes the plan may use
     */
    List<Planned> plan(String checkpointPrecision, int maxNodes) {
        List<Planned> planned = new ArrayList<>(groups.size());
        groups.forEach(g -> planned.add(g.plan(checkpointPrecision, maxNodes)));
        return planned;
    }

    /**
     * One group for one plan: its fact and where each of its candidates came from.
     *
     * @param sources the one-node candidates' sources
     * @param multi   their multi-node forms (none on one node)
     */
    record Planned(RecipeGroup fact, Map<String, CandidateFactory.Source> sources,
                   MultiNodeCandidates.Expansion multi) {

        Planned {
            sources = java.util.Collections.unmodifiableMap(sources);
        }

        static Planned of(Recipe first, Map<String, CandidateFactory.Source> sources, int maxNodes) {
            MultiNodeCandidates.Expansion multi = new MultiNodeCandidates().expand(sources, maxNodes);
            List<CodeRequest> code = new ArrayList<>(TrustFacts.codeRequests(sources));
            code.addAll(TrustFacts.codeRequests(multi.sources()));
            return new Planned(new RecipeGroup(first.modelId(), first.checkpoint(), CandidateFactory.facts(sources),
                    multi.deferred(), code), sources, multi);
        }

        /** Whether the rules brought the group in (they bring in all of its candidates or none). */
        boolean inScope(java.util.Set<String> inScope) {
            List<Candidate> c = fact.candidates();
            return !c.isEmpty() && inScope.contains(c.get(0).key());
        }
    }

    private static final class Group {
        private final List<Recipe> recipes;
        /** The one-node expansion, made once; null when a recipe's candidates depend on the checkpoint's precision. */
        private final Planned oneNode;

        Group(List<Recipe> recipes) {
            this.recipes = List.copyOf(recipes);
            this.oneNode = recipes.stream().anyMatch(Recipe::servesCheckpointPrecision) ? null
                    : Planned.of(recipes.get(0), new CandidateFactory().expand(recipes, null), 1);
        }

        Planned plan(String checkpointPrecision, int maxNodes) {
            if (oneNode != null && maxNodes <= 1) {
                return oneNode;
            }
            Map<String, CandidateFactory.Source> sources = oneNode != null ? oneNode.sources()
                    : new CandidateFactory().expand(recipes, checkpointPrecision);
            return Planned.of(recipes.get(0), sources, maxNodes);
        }
    }
}
