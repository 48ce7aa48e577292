package aimengine.cli.launch;

import java.time.Duration;

/**
 * What happened to one step: a row of the step table.
 *
 * @param step     the step's name
 * @param status   ok, failed, stopped (by SIGINT or SIGTERM) or skipped (a step it needs did not succeed)
 * @param duration how long it ran (zero when skipped)
 * @param detail   the step's own line, or why it failed or was skipped
 */
public record StepRecord(String step, Status status, Duration duration, String detail) {

    public enum Status {
        OK, FAILED, STOPPED, SKIPPED;

        public String key() {
            return name().toLowerCase();
        }
    }
}
