package aimengine.cli.launch;

import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The engine of one run across its restarts: which process is current and how often it was restarted. Every start
 * and change of phase is told to a listener (the state file that status, logs and stop read).
 */
public final class RunningEngine {

    /** The phases a run goes through, as the state file names them. */
    public enum Phase {
        STARTING, SERVING, RESTARTING, STOPPING;

        public String key() {
            return name().toLowerCase();
        }
    }

    /** Told of every change. */
    @FunctionalInterface
    public interface Listener {
        void changed(RunningEngine engine, Phase phase);
    }

    private final EngineSpawner spawner;
    private final Listener listener;
    private volatile EngineProcess current;
    private volatile int restarts;

    public RunningEngine(EngineSpawner spawner, Listener listener) {
        this.spawner = spawner;
        this.listener = listener;
    }

    public EngineProcess start() throws IOException {
        current = spawner.spawn(0);
        listener.changed(this, Phase.STARTING);
        return current;
    }

    public EngineProcess restart() throws IOException {
        restarts++;
        current = spawner.spawn(restarts);
        listener.changed(this, Phase.RESTARTING);
        return current;
    }

    public void phase(Phase phase) {
        listener.changed(this, phase);
    }

    /** The current process; null before the first start. */
    public EngineProcess current() {
        return current;
    }

    public int restarts() {
        return restarts;
    }

    /**
     * Stops the current engine's process group (SIGTERM, grace, SIGKILL); a no-op when nothing of it runs.
     *
     * @return true when nothing of it is left
     */
    public boolean stop(Duration grace, BooleanSupplier hurry) throws InterruptedException {
        EngineProcess p = current;
        if (p == null || p.gone()) {
            return true;
        }
        listener.changed(this, Phase.STOPPING);
        return p.stop(grace, hurry);
    }
}
