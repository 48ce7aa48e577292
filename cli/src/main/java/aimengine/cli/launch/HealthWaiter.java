package aimengine.cli.launch;

import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Waits until the engine serves: {@code GET /health} answers 200, then {@code GET /v1/models} names the model.
 * Checks back off from 100 ms to 2 s, but the wait ends at once when the engine exits (naming the cause when its
 * output showed a known failure line), when a stop is asked for, and a check is made at once when the engine prints
 * its ready line.
 */
public final class HealthWaiter {
    private static final Duration PLAIN_PROGRESS_EVERY = Duration.ofSeconds(10);

    /**
     * The engine serves.
     *
     * @param base   where it serves, e.g. http://127.0.0.1:8000
     * @param models the model ids /v1/models lists
     * @param waited from the start of the wait until both checks passed
     */
    public record Healthy(URI base, List<String> models, Duration waited) {
        public Healthy {
            models = List.copyOf(models);
        }
    }

    private final HealthCheck health;
    private final Backoff backoff;
    private final Wakeup wakeup;
    private final StopRequest stop;
    private final EventLog log;
    private final LongSupplier nanoTime;
    private final HealthObserver observer;

    public HealthWaiter(HealthCheck health, Backoff backoff, Wakeup wakeup, StopRequest stop, EventLog log,
                        LongSupplier nanoTime) {
        this(health, backoff, wakeup, stop, log, nanoTime, HealthObserver.NONE);
    }

    public HealthWaiter(HealthCheck health, Backoff backoff, Wakeup wakeup, StopRequest stop, EventLog log,
                        LongSupplier nanoTime, HealthObserver observer) {
        this.observer = observer;
        this.health = health;
        this.backoff = backoff;
        this.wakeup = wakeup;
        this.stop = stop;
        this.log = log;
        this.nanoTime = nanoTime;
    }

    /**
     * @throws ExitException exit 1 when the engine exits or the timeout passes; 130 or 143 when a stop was asked for
     */
    public Healthy await(EngineProcess engine, URI base, Duration timeout) throws InterruptedException {
        long start = nanoTime.getAsLong();
        Duration delay = backoff.first();
        Duration lastProgress = Duration.ZERO;
        try {
            while (true) {
                Optional<StopSignal> signal = stop.signal();
                if (signal.isPresent()) {
                    throw new ExitException(signal.get().exitCode(), "stopped by " + signal.get().label()
                            + " while the engine was loading");
                }
                if (!engine.alive()) {
                    throw exited(engine);
                }
                Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - start);
                Optional<List<String>> models = check(base);
                if (models.isPresent()) {
                    Duration waited = Duration.ofNanos(nanoTime.getAsLong() - start);
                    observer.ready(waited);
                    return new Healthy(base, models.get(), waited);
                }
                Duration left = timeout.minus(elapsed);
                if (left.isNegative() || left.isZero()) {
                    throw new ExitException(ExitCodes.FAILURE, "the engine did not become healthy within "
                            + timeout.toSeconds() + " s (--timeout); last engine line: " + quoted(engine.output().lastLine()));
                }
                if (log.liveProgress() || elapsed.minus(lastProgress).compareTo(PLAIN_PROGRESS_EVERY) >= 0) {
                    lastProgress = elapsed;
                    log.progress("await-health", "waiting for " + base + "/health: " + elapsed.toSeconds() + " s of "
                            + timeout.toSeconds() + " s; engine: " + shorten(engine.output().lastLine()),
                            Map.of("elapsedSeconds", elapsed.toSeconds(), "lastLine", engine.output().lastLine()));
                }
                wakeup.sleep(delay.compareTo(left) < 0 ? delay : left);
                delay = backoff.next(delay);
            }
        } finally {
            log.endProgress();
        }
    }

    /** One health check, for an engine that already served. */
    public boolean healthy(URI base) throws InterruptedException {
        return check(base).isPresent();
    }

    private Optional<List<String>> check(URI base) throws InterruptedException {
        long start = nanoTime.getAsLong();
        Optional<List<String>> models = health.check(base);
        observer.checked(Duration.ofNanos(nanoTime.getAsLong() - start), models.isPresent());
        return models;
    }

    private static ExitException exited(EngineProcess engine) throws InterruptedException {
        engine.drainOutput(Duration.ofSeconds(1));
        String cause = engine.output().failure().orElse("last engine line: " + quoted(engine.output().lastLine()));
        return new ExitException(ExitCodes.FAILURE, "the engine " + engine.describeExit()
                + " before it became healthy: " + cause);
    }

    private static String quoted(String line) {
        return line.isEmpty() ? "(none)" : "'" + line + "'";
    }

    private static String shorten(String line) {
        return line.isEmpty() ? "(no output yet)" : line.length() > 100 ? line.substring(0, 97) + "..." : line;
    }
}
