package aimengine.cli.launch;

import aimengine.cli.base.ExitException;
import java.util.List;

/** Keeps the engine serving until a stop is asked for or it died more often than --restarts allows. */
public final class SuperviseStep implements Step {
    private final HealthWaiter waiter;
    private final LaunchSettings settings;
    private final Backoff restartBackoff;
    private final StopRequest stop;
    private final Wakeup wakeup;
    private final EventLog log;

    public SuperviseStep(HealthWaiter waiter, LaunchSettings settings, Backoff restartBackoff, StopRequest stop,
                         Wakeup wakeup, EventLog log) {
        this.waiter = waiter;
        this.settings = settings;
        this.restartBackoff = restartBackoff;
        this.stop = stop;
        this.wakeup = wakeup;
        this.log = log;
    }

    @Override
    public String name() {
        return "supervise";
    }

    @Override
    public List<ResultKey<?>> needs() {
        return List.of(LaunchKeys.ENGINE, LaunchKeys.HEALTHY);
    }

    @Override
    public ResultKey<?> gives() {
        return LaunchKeys.OUTCOME;
    }

    @Override
    public String run(StepResults results) throws InterruptedException {
        RunningEngine engine = results.get(LaunchKeys.ENGINE);
        Supervisor.Settings s = Supervisor.Settings.of(settings.base(), settings.timeout(), settings.restarts(),
                restartBackoff, settings.grace());
        Supervisor.Outcome outcome = new Supervisor(engine, waiter, s, stop, wakeup, log).supervise();
        results.put(LaunchKeys.OUTCOME, outcome);
        if (outcome.exitCode() != 0) {
            throw new ExitException(outcome.exitCode(), outcome.message());
        }
        return outcome.message();
    }
}
