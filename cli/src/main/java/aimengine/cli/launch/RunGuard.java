package aimengine.cli.launch;

import aimengine.cache.CacheBusyException;
import aimengine.cache.CacheRoot;
import aimengine.cache.ModelLock;
import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import aimengine.plan.SelectedPlan;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What a run holds while it lives and must give back however it ends: the state file other shells read, the model's
 * cache lock, the engine's process group. A shutdown hook is the safety net for an exit from elsewhere (SIGHUP,
 * System.exit): no engine process outlives aim-engine, and its lock and state file go with it.
 */
public final class RunGuard implements AutoCloseable {
    private final RunStateFile stateFile;
    private final String model;
    private final LaunchSettings settings;
    private final StepResults results;
    private final StopRequest stop;
    private final EventLog log;
    private final Supplier<CacheRoot> cacheRoot;
    private final Instant started;
    private Thread hook;
    private boolean stateWriteFailed;
    private ModelLock modelLock;

    /**
     * @param model     the model as the user named it (the state file shows it)
     * @param results   the run's step results: the plan, the command and the engine, once given
     * @param cacheRoot the model cache whose lock the run holds
     */
    public RunGuard(RunStateFile stateFile, String model, LaunchSettings settings, StepResults results, StopRequest stop,
                    EventLog log, Supplier<CacheRoot> cacheRoot, Instant started) {
        this.stateFile = stateFile;
        this.model = model;
        this.settings = settings;
        this.results = results;
        this.stop = stop;
        this.log = log;
        this.cacheRoot = cacheRoot;
        this.started = started;
    }

    /** Refuses to start while another run of the same state folder lives; then installs the shutdown hook. */
    public RunGuard open() {
        stateFile.read().ifPresent(s -> {
            if (RunStateFile.isLive(s)) {
                throw new ExitException(ExitCodes.FAILURE, "another aim-engine run is active (pid " + s.pid() + ", "
                        + s.model() + " on port " + s.port() + "); stop it with 'aim-engine stop', or give this run"
                        + " its own AIM_STATE_DIR");
            }
            log.info("spawn", "replacing the stale state file of pid " + s.pid() + ", which is gone", null);
        });
        hook = new Thread(this::cleanUp, "aim-engine-stop-engine");
        Runtime.getRuntime().addShutdownHook(hook);
        return this;
    }

    /** Writes the state file for the engine's current process and phase; a failed write is told once. */
    public void recordState(RunningEngine engine, RunningEngine.Phase phase) {
        SelectedPlan s = results.get(LaunchKeys.PLAN).selected();
        ProcessHandle self = ProcessHandle.current();
        RunState state = new RunState(self.pid(), RunStateFile.startOf(self), engine.current().pid(),
                engine.current().processGroup(), settings.port(), settings.bind(), settings.base().toString(), model,
                s.candidate().recipeId(), s.candidate().backend(), started.toString(), engine.restarts(), phase.key(),
                settings.logFile().toAbsolutePath().toString(), settings.grace().toSeconds(),
                results.get(LaunchKeys.COMMAND).shown().argv());
        try {
            stateFile.write(state);
        } catch (IOException e) {
            if (!stateWriteFailed) {
                stateWriteFailed = true;
                log.warn("spawn", "cannot write the state file in " + stateFile.path().getParent() + " ("
                        + e.getMessage() + "); status, logs and stop will not find this run", null);
            }
        }
    }

    /** A model the engine serves is locked in the cache, so that 'aim-engine cache clean' leaves it alone. */
    public synchronized void holdModelLock() {
        String checkpoint = results.get(LaunchKeys.PLAN).selected().checkpoint();
        try {
            modelLock = ModelLock.acquire(cacheRoot.get(), checkpoint);
        } catch (CacheBusyException e) {
            throw new ExitException(ExitCodes.FAILURE, e.getMessage());
        }
        if (!modelLock.held()) {
            log.warn("spawn", "the model is not locked against 'aim-engine cache clean': " + modelLock.notHeldReason(), null);
        }
    }

    /** Stops the engine, releases the lock, removes the state file and the shutdown hook. */
    @Override
    public void close() {
        cleanUp();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run; nothing to remove
            }
        }
    }

    private synchronized void cleanUp() {
        results.find(LaunchKeys.ENGINE).ifPresent(engine -> {
            try {
                engine.stop(settings.grace(), stop::urgent);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ModelLock lock = modelLock;
        modelLock = null;
        if (lock != null) {
            lock.close();
        }
        try {
            stateFile.deleteIfOwnedBy(ProcessHandle.current().pid());
        } catch (IOException e) {
            log.warn("supervise", "cannot remove the state file " + stateFile.path() + ": " + e.getMessage(), null);
        }
    }
}
