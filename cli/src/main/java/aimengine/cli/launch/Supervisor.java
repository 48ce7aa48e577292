package aimengine.cli.launch;

import aimengine.cli.command.ExitCodes;
import aimengine.cli.command.ExitException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Keeps a healthy engine serving: an engine that dies is restarted (after a backoff) and awaited again, up to a
 * number of restarts; then the run gives up. A stop request stops the engine's process group with its grace period.
 */
public final class Supervisor {

    /** How supervision ended: the exit code for aim-engine and one line saying why. */
    public record Outcome(int exitCode, String message) {
    }

    /**
     * @param healthTimeout how long a restarted engine may take to become healthy
     * @param maxRestarts   restarts allowed before giving up (--restarts)
     * @param grace         between SIGTERM and SIGKILL when stopping (--grace)
     */
    public record Settings(URI base, Duration healthTimeout, int maxRestarts, Backoff backoff, Duration grace) {
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
            while (p.alive() && !stop.requested()) {
                wakeup.sleep(WATCH);
            }
            if (stop.requested()) {
                return stopped("while serving");
            }
            p.drainOutput(Duration.ofSeconds(1));
            String why = "the engine " + p.describeExit() + p.output().failure().map(f -> ": " + f).orElse("");
            if (engine.restarts() >= settings.maxRestarts()) {
                engine.stop(settings.grace(), stop::urgent);
                int n = engine.restarts();
                return new Outcome(ExitCodes.FAILURE, why + "; giving up after " + n + (n == 1 ? " restart" : " restarts")
                        + " (--restarts " + settings.maxRestarts() + ")");
            }
            Duration delay = settings.backoff().nth(engine.restarts() + 1);
            log.warn("supervise", why + "; restarting in " + seconds(delay) + " (restart " + (engine.restarts() + 1)
                    + " of " + settings.maxRestarts() + ")", Map.of("exitCode", p.exitCode().orElse(-1),
                    "restarts", engine.restarts()));
            engine.stop(settings.grace(), stop::urgent);
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
