package aimengine.cli.launch;

import java.time.Duration;

/** Delays that double from {@code first} up to {@code max}. */
public record Backoff(Duration first, Duration max) {

    /** Health checks: from 100 ms, capped at 2 s. */
    public static final Backoff HEALTH = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));
    /** Restarts of a dead engine: from 1 s, capped at 30 s. */
    public static final Backoff RESTART = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    public Duration next(Duration current) {
        Duration doubled = current.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }

    /** The delay before attempt {@code n} (1-based). */
    public Duration nth(int n) {
        Duration d = first;
        for (int i = 1; i < n; i++) {
            d = next(d);
        }
        return d;
    }
}
