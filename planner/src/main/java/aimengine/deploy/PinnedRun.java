package aimengine.deploy;

import aimengine.facts.Candidate;
import aimengine.plan.Plan;
import java.util.List;

/**
 * The container's command: {@code aim-engine run MODEL} pinned to the plan made here. {@code --strict} turns every
 * fallback into a refusal, so a pod scheduled on other hardware exits 3 with the explanation instead of silently
 * serving a different plan.
 */
public final class PinnedRun {
    private PinnedRun() {
    }

    /**
     * @param startupSeconds how long run waits for the engine (its --timeout), the same budget the probes allow
     */
    public static List<String> args(Plan plan, int port, int startupSeconds, int graceSeconds) {
        Candidate c = plan.selected().candidate();
        return List.of("aim-engine", "run", plan.request().model(),
                "--recipe", c.recipeId(),
                "--gpus", Integer.toString(c.gpuCount()),
                "--precision", c.precision(),
                "--backend", c.backend(),
                "--strict",
                "--port", Integer.toString(port),
                "--timeout", Integer.toString(startupSeconds),
                "--grace", Integer.toString(graceSeconds));
    }
}
