package aimengine.plan;

import aimengine.facts.Candidate;
import aimengine.facts.NodeSpan;
import aimengine.generate.EngineCommand;
import aimengine.model.MemoryEstimate;
import aimengine.recipe.Recipe;
import aimengine.recipe.RecipeVariant;

/**
 * The chosen candidate, ready to launch.
 *
 * @param candidate   the candidate the rules selected
 * @param recipe      its recipe
 * @param variant     its variant (backend x GPU count)
 * @param checkpoint  what the engine loads (the requested model for a general recipe)
 * @param command     argv and environment
 * @param memory      its memory budget
 * @param maxModelLen the context it serves
 * @param shortened   true when the context was shortened to fit
 * @param span        nodes, GPUs per node and parallelism (one node: TP = GPU count, PP = 1)
 */
public record SelectedPlan(Candidate candidate, Recipe recipe, RecipeVariant variant, String checkpoint,
                           EngineCommand command, MemoryEstimate memory, int maxModelLen, boolean shortened,
                           NodeSpan span) {

    /** A one-node plan. */
    public SelectedPlan(Candidate candidate, Recipe recipe, RecipeVariant variant, String checkpoint,
                        EngineCommand command, MemoryEstimate memory, int maxModelLen, boolean shortened) {
        this(candidate, recipe, variant, checkpoint, command, memory, maxModelLen, shortened,
                MultiNodeCandidates.oneNode(candidate));
    }
}
