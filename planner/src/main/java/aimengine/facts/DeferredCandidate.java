package aimengine.facts;

/**
 * A multi-node candidate held back until the rules find that fewer nodes cannot serve the request; the multinode
 * rules then insert its candidate and span (all candidates of one node count at once).
 */
public record DeferredCandidate(int nodes, Candidate candidate, NodeSpan span) {
}
