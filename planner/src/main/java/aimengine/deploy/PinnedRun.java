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
     * @param trustFlags     the operator's grants beyond the trust policy (--trust-remote-code, --allow-pickle): the
     *                       pod plans again, and without them its trust rules would refuse what was planned here
     */
    public static List<String> args(Plan plan, int port, int startupSeconds, int graceSeconds, List<String> trustFlags) {
        Candidate c = plan.selected().candidate();
        int nodes = plan.selected().span().nodes();
        List<String> args = new java.util.ArrayList<>(List.of("aim-engine", "run", plan.request().model(),
                "--recipe", c.recipeId(),
                "--gpus", Integer.toString(c.gpuCount()),
                "--precision", c.precision(),
                "--backend", c.backend(),
                "--strict",
                "--port", Integer.toString(port),
                "--timeout", Integer.toString(startupSeconds),
                "--grace", Integer.toString(graceSeconds)));
        args.addAll(trustFlags);
        if (nodes > 1) {
            // with --strict: exactly this many nodes; each pod adds its rank and the leader (see LeaderWorkerSetWriter)
            args.addAll(List.of("--nodes", Integer.toString(nodes)));
        }
        return List.copyOf(args);
    }
}
