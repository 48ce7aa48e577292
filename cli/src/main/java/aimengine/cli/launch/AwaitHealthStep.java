package aimengine.cli.launch;

import aimengine.cli.base.ExitException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Waits until the engine serves; stops it when it does not (timeout, stop request), so that no process is left. */
public final class AwaitHealthStep implements Step {
    private final HealthWaiter waiter;
    private final LaunchSettings settings;
    private final StopRequest stop;
    private final EventLog log;

    public AwaitHealthStep(HealthWaiter waiter, LaunchSettings settings, StopRequest stop, EventLog log) {
        this.waiter = waiter;
        this.settings = settings;
        this.stop = stop;
        this.log = log;
    }

    @Override
    public String name() {
        return "await-health";
    }

    @Override
    public List<ResultKey<?>> needs() {
        return List.of(LaunchKeys.ENGINE);
    }

    @Override
    public ResultKey<?> gives() {
        return LaunchKeys.HEALTHY;
    }

    @Override
    public String run(StepResults results) throws InterruptedException {
        RunningEngine engine = results.get(LaunchKeys.ENGINE);
        HealthWaiter.Healthy healthy;
        try {
            healthy = waiter.await(engine.current(), settings.base(), settings.timeout());
        } catch (ExitException e) {
            boolean gone = engine.stop(settings.grace(), stop::urgent);
            throw new ExitException(e.exitCode(), e.getMessage() + (gone ? "" : "; engine processes are still left in"
                    + " process group " + engine.current().processGroup()) + "; engine log: " + settings.logFile(), e);
        }
        engine.phase(RunningEngine.Phase.SERVING);
        results.put(LaunchKeys.HEALTHY, healthy);
        String models = healthy.models().isEmpty() ? "(no model listed)" : String.join(", ", healthy.models());
        log.info(name(), "ready: " + healthy.base() + "/v1 serves " + models + " (healthy after "
                        + seconds(healthy.waited()) + (settings.bind().equals("0.0.0.0") ? ", listening on all addresses" : "")
                        + ")", Map.of("endpoint", healthy.base() + "/v1", "models", healthy.models(),
                        "waitedMs", healthy.waited().toMillis()));
        return "serves " + models;
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
