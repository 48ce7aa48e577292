package aimengine.facts;

import java.util.List;

/**
 * The candidates of the recipes that serve one model (the same model id and checkpoint), or of general recipes, held
 * back until the rules find the group in scope: "compatibility/model" then brings them in. The candidates of the
 * other groups never become facts, so a plan's rules only ever see what concerns the requested model, however many
 * recipes the catalog holds; the plan counts those candidates as set aside.
 *
 * @param modelId      model the recipes serve, null for general recipes
 * @param checkpoint   what their engine loads, null for general recipes
 * @param candidates   the recipes' one-node candidates
 * @param deferred     the same candidates on more nodes, for rules/multinode.drl (empty when one node is asked for)
 * @param codeRequests the candidates (one-node and multi-node) whose recipe asks for --trust-remote-code
 */
public record RecipeGroup(String modelId, String checkpoint, List<Candidate> candidates,
                          List<DeferredCandidate> deferred, List<CodeRequest> codeRequests) {

    public RecipeGroup {
        candidates = List.copyOf(candidates);
        deferred = List.copyOf(deferred);
        codeRequests = List.copyOf(codeRequests);
    }

    public boolean general() {
        return modelId == null;
    }

    /** Whether the recipes serve this model id (served id or checkpoint; ids compare case-insensitively). */
    public boolean serves(String model) {
        return model.equalsIgnoreCase(modelId) || model.equalsIgnoreCase(checkpoint);
    }

    /** How many facts the group holds back (the budget of rule firings grows with the facts, these included). */
    public int heldBack() {
        return candidates.size() + deferred.size() + codeRequests.size();
    }
}
