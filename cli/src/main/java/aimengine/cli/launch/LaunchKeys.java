package aimengine.cli.launch;

import aimengine.generate.EngineCommand;
import aimengine.plan.Plan;
import aimengine.probe.HostView;

/** The results the launch steps pass along; each is given by one step. */
public final class LaunchKeys {
    /** detect: the GPUs the host, container and engine see. */
    public static final ResultKey<HostView> HOST = new ResultKey<>("host", HostView.class);
    /** select: the plan, with the chosen recipe variant. */
    public static final ResultKey<Plan> PLAN = new ResultKey<>("plan", Plan.class);
    /** generate: the engine's argv and environment. */
    public static final ResultKey<EngineCommand> COMMAND = new ResultKey<>("command", EngineCommand.class);
    /** spawn: the started engine. */
    public static final ResultKey<RunningEngine> ENGINE = new ResultKey<>("engine", RunningEngine.class);
    /** await-health: where it serves and what. */
    public static final ResultKey<HealthWaiter.Healthy> HEALTHY = new ResultKey<>("healthy", HealthWaiter.Healthy.class);
    /** supervise: how the run ended. */
    public static final ResultKey<Supervisor.Outcome> OUTCOME = new ResultKey<>("outcome", Supervisor.Outcome.class);

    private LaunchKeys() {
    }
}
