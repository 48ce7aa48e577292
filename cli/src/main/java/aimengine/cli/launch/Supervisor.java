package aimengine.cli.launch;

import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a healthy engine serving: an engine that dies is restarted (after a backoff) and awaited again, up to a
 * number of restarts; then the run gives up. A stop request stops the engine's process group with its grace period.
 */
public final class Supervisor {

    /** How supervision ended: the exit code for aim-engine and one line saying why. */
    public record Outcome(int exitCode, String message) {
    }

    /**
     * @param healthTimeout   how long a restarted engine may take to become healthy
     * @param maxRestarts     restarts allowed before giving up (--restarts)
     * @param grace           between SIGTERM and SIGKILL when stopping (--grace)
     * @param healthEvery     how often a serving engine's health is checked
     * @param unhealthyChecks failed checks in a row that make a running engine count as dead
     */
    public record Settings(URI base, Duration healthTimeout, int maxRestarts, Backoff backoff, Duration grace,
                           Duration healthEvery, int unhealthyChecks) {

        /** A serving engine is checked every 10 s and taken for dead after 3 failed checks in a row. */
        public static Settings of(URI base, Duration healthTimeout, int maxRestarts, Backoff backoff, Duration grace) {
            return new Settings(base, healthTimeout, maxRestarts, backoff, grace, Duration.ofSeconds(10), 3);
        }
    }

    private static final Duration WATCH = Duration.ofSeconds(1);

    private final RunningEngine engine;
    private final HealthWaiter waiter;
    private final Settings settings;
    private final StopRequest stop;
    private final Wakeup wakeup;
    private final EventLog log;

    public Supervisor(RunningEngine engine, HealthWaiter waiter, Settings settings, StopRequest stop, Wakeup wakeup,
                      EventLog log) {
        this.engine = engine;
        this.waiter = waiter;
        this.settings = settings;
        this.stop = stop;
        this.wakeup = wakeup;
        this.log = log;
    }

    public Outcome supervise() throws InterruptedException {
        while (true) {
            EngineProcess p = engine.current();
            Optional<String> sick = watch(p);
            if (stop.requested()) {
                return stopped("while serving");
            }
            String why;
            if (sick.isPresent()) {
                why = sick.get();
            } else {
                p.drainOutput(Duration.ofSeconds(1));
                why = "the engine " + p.describeExit() + p.output().failure().map(f -> ": " + f).orElse("");
            }
            engine.stop(settings.grace(), stop::urgent);
            int n = engine.restarts();
            if (n >= settings.maxRestarts()) {
                return new Outcome(ExitCodes.FAILURE, why + "; giving up after " + n + (n == 1 ? " restart" : " restarts")
                        + " (--restarts " + settings.maxRestarts() + ")");
            }
            Duration delay = settings.backoff().nth(n + 1);
            log.warn("supervise", why + "; restarting in " + seconds(delay) + " (restart " + (n + 1) + " of "
                    + settings.maxRestarts() + ")", Map.of("exitCode", p.exitCode().orElse(-1), "restarts", n));
            if (!sleepUnlessStopped(delay)) {
                return stopped("before a restart");
            }
            if (restart()) {
                log.info("supervise", "the engine serves again after restart " + engine.restarts(),
                        Map.of("restarts", engine.restarts(), "pid", engine.current().pid()));
            } else if (stop.requested()) {
                return stopped("while the engine was restarting");
            }
        }
    }

    /**
     * Watches a serving engine until it exits, a stop is asked for, or it stops answering its health check (vLLM's
     * API server can outlive its engine core, answering 503).
     *
     * @return why the engine is taken for dead while its process still runs; empty when it exited or a stop came
     */
    private Optional<String> watch(EngineProcess p) throws InterruptedException {
        int failed = 0;
        long nextCheck = System.nanoTime() + settings.healthEvery().toNanos();
        while (p.alive() && !stop.requested()) {
            long untilCheck = nextCheck - System.nanoTime();
            if (untilCheck > 0) {
                wakeup.sleep(Duration.ofNanos(Math.min(untilCheck, WATCH.toNanos())));
                continue;
            }
            nextCheck = System.nanoTime() + settings.healthEvery().toNanos();
            failed = waiter.healthy(settings.base()) ? 0 : failed + 1;
            if (failed >= settings.unhealthyChecks() && p.alive() && !stop.requested()) {
                return Optional.of("the engine stopped answering " + settings.base() + "/health (" + failed
                        + " checks in a row, " + seconds(settings.healthEvery()) + " apart)");
            }
        }
        return Optional.empty();
    }

    /** @return true when the restarted engine became healthy */
    private boolean restart() throws InterruptedException {
        try {
            EngineProcess p = engine.restart();
            log.info("supervise", "engine restarted, pid " + p.pid(), Map.of("pid", p.pid(), "restarts", engine.restarts()));
            waiter.await(p, settings.base(), settings.healthTimeout());
            engine.phase(RunningEngine.Phase.SERVING);
            return true;
        } catch (ExitException e) {
            if (!stop.requested()) {
                log.warn("supervise", e.getMessage(), null);
                engine.stop(settings.grace(), stop::urgent);
            }
            return false;
        } catch (IOException e) {
            throw new ExitException(ExitCodes.FAILURE, "cannot restart the engine: " + e.getMessage(), e);
        }
    }

    private boolean sleepUnlessStopped(Duration delay) throws InterruptedException {
        long deadline = System.nanoTime() + delay.toNanos();
        long left;
        while (!stop.requested() && (left = deadline - System.nanoTime()) > 0) {
            wakeup.sleep(Duration.ofNanos(left));
        }
        return !stop.requested();
    }

    private Outcome stopped(String when) throws InterruptedException {
        StopSignal s = stop.signal().orElseThrow();
        boolean gone = engine.stop(settings.grace(), stop::urgent);
        return new Outcome(s.exitCode(), "stopped by " + s.label() + " " + when + "; "
                + (gone ? "no engine process is left" : "engine processes are still left in process group "
                + engine.current().processGroup()));
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
