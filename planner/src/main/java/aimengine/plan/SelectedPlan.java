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
 * @param variant     its variant (backend x GPU count) with the flags the trust rules set (remote code, load
 *                    format, revision)
 * @param checkpoint  what the engine loads (the requested model for a general recipe)
 * @param command     argv and environment
 * @param memory      its memory budget
 * @param maxModelLen the context it serves
 * @param shortened   true when the context was shortened to fit
 * @param revision    the snapshot commit the plan was made from and the engine loads, null when none is pinned
 * @param span        nodes, GPUs per node and parallelism (one node: TP = GPU count, PP = 1)
 */
public record SelectedPlan(Candidate candidate, Recipe recipe, RecipeVariant variant, String checkpoint,
                           EngineCommand command, MemoryEstimate memory, int maxModelLen, boolean shortened,
                           String revision, NodeSpan span) {

    /** The same plan launching this command (the command with the engine's secrets added). */
    public SelectedPlan withCommand(EngineCommand newCommand) {
        return new SelectedPlan(candidate, recipe, variant, checkpoint, newCommand, memory, maxModelLen, shortened,
                revision, span);
    }
}
