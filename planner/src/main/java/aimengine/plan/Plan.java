package aimengine.plan;

import aimengine.facts.Decision;
import aimengine.facts.PlanRequest;
import aimengine.facts.UsableGpus;
import aimengine.model.ModelFacts;
import aimengine.probe.HostView;
import java.util.List;

/**
 * The explainable plan: what was chosen (or that nothing could be), the decision trail, and every candidate for the
 * requested model with its fate.
 *
 * @param request             what was asked
 * @param host                the host's GPUs as seen
 * @param usable              the usable GPU group, or null when none is usable
 * @param model               the model's facts, or null when unknown
 * @param selected            the choice, or null when infeasible
 * @param decisions           the decision trail, in rule order
 * @param candidates          candidates for the requested model (and general recipes), selected first
 * @param otherModelCandidates how many candidates were set aside because their recipe serves another model
 * @param modelLookup         where the model's facts came from, or where aim-engine looked and why it found none
 */
public record Plan(PlanRequest request, HostView host, UsableGpus usable, ModelFacts model, SelectedPlan selected,
                   List<Decision> decisions, List<CandidateOutcome> candidates, int otherModelCandidates,
                   String modelLookup) {

    public Plan {
        decisions = List.copyOf(decisions);
        candidates = List.copyOf(candidates);
    }

    /** The same plan with another selection (its command with the engine's secrets added). */
    public Plan withSelected(SelectedPlan newSelected) {
        return new Plan(request, host, usable, model, newSelected, decisions, candidates, otherModelCandidates,
                modelLookup);
    }

    public boolean feasible() {
        return selected != null;
    }

    public String status() {
        return feasible() ? "ok" : "infeasible";
    }
}
