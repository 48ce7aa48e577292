package aimengine.plan;

import aimengine.engine.Backend;
import aimengine.engine.NodeSpanning;
import aimengine.facts.Candidate;
import aimengine.facts.DeferredCandidate;
import aimengine.facts.NodeSpan;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Expands each one-node candidate into the same recipe variant on 2..maxNodes nodes (key "recipe/backend/NxG":
 * N nodes of G GPUs), with the parallelism its engine uses across nodes. Like {@link CandidateFactory} it filters
 * nothing: the multinode rules decide which of them can run and bring them in only when fewer nodes cannot serve.
 */
public final class MultiNodeCandidates {

    /** A multi-node candidate's source (for command generation) and its deferred fact. */
    public record Expansion(Map<String, CandidateFactory.Source> sources, Map<String, NodeSpan> spans,
                            java.util.List<DeferredCandidate> deferred) {
    }

    public Expansion expand(Map<String, CandidateFactory.Source> oneNode, int maxNodes) {
        Map<String, CandidateFactory.Source> sources = new LinkedHashMap<>();
        Map<String, NodeSpan> spans = new LinkedHashMap<>();
        java.util.List<DeferredCandidate> deferred = new java.util.ArrayList<>();
        for (int nodes = 2; nodes <= maxNodes; nodes++) {
            for (CandidateFactory.Source s : oneNode.values()) {
                DeferredCandidate d = on(s.candidate(), nodes);
                sources.put(d.candidate().key(), new CandidateFactory.Source(d.candidate(), s.recipe(), s.variant()));
                spans.put(d.candidate().key(), d.span());
                deferred.add(d);
            }
        }
        return new Expansion(sources, spans, deferred);
    }

    /** The span of a one-node candidate: every GPU in one tensor-parallel group. */
    public static NodeSpan oneNode(Candidate c) {
        return new NodeSpan(c.key(), c.key(), 1, c.gpuCount(), c.gpuCount(), 1);
    }

    /** The one-node candidate on {@code nodes} nodes, with its engine's parallelism. */
    public static DeferredCandidate on(Candidate one, int nodes) {
        String key = one.recipeId() + "/" + one.backend() + "/" + nodes + "x" + one.gpuCount();
        NodeSpanning.Parallelism p = NodeSpanning.parallelism(Backend.parse(one.backend()), one.gpuCount(), nodes);
        return new DeferredCandidate(nodes, one.onNodes(key, nodes),
                new NodeSpan(key, one.key(), nodes, one.gpuCount(), p.tensor(), p.pipeline()));
    }
}
