package aimengine.cli.launch;

import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import aimengine.plan.Plan;
import aimengine.plan.SelectedPlan;
import aimengine.probe.HostView;
import java.util.List;
import java.util.function.Function;

/** Plans: the rules choose recipe, GPU count, precision and engine for the host that was detected. */
public final class SelectStep implements Step {
    private final Function<HostView, Plan> planner;

    public SelectStep(Function<HostView, Plan> planner) {
        this.planner = planner;
    }

    @Override
    public String name() {
        return "select";
    }

    @Override
    public List<ResultKey<?>> needs() {
        return List.of(LaunchKeys.HOST);
    }

    @Override
    public ResultKey<?> gives() {
        return LaunchKeys.PLAN;
    }

    @Override
    public String run(StepResults results) {
        Plan plan = planner.apply(results.get(LaunchKeys.HOST));
        results.put(LaunchKeys.PLAN, plan);
        SelectedPlan s = plan.selected();
        if (s == null) {
            String model = plan.request().model();
            if (plan.model() == null) {
                throw new ExitException(ExitCodes.NO_PLAN, "no model facts for " + model + ": " + plan.modelLookup());
            }
            throw new ExitException(ExitCodes.NO_PLAN, "no workable plan for " + model + "; run 'aim-engine plan "
                    + model + " --explain' to see why");
        }
        return s.candidate().recipeId() + ": " + s.candidate().backend() + " on " + s.candidate().gpuCount() + " x "
                + s.candidate().hardware() + ", " + s.candidate().precision()
                + (s.shortened() ? ", context shortened to " + s.maxModelLen() : "");
    }
}
