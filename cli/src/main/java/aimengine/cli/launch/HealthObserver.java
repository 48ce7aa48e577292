package aimengine.cli.launch;

import java.time.Duration;

/** Told of every health check and of every time the engine became ready (the run's metrics). */
public interface HealthObserver {
    HealthObserver NONE = new HealthObserver() {
    };

    /** One check of /health and /v1/models took this long and passed or not. */
    default void checked(Duration took, boolean passed) {
    }

    /** The engine became ready this long after it was started (or restarted). */
    default void ready(Duration sinceStart) {
    }
}
