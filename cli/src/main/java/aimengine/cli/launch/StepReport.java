package aimengine.cli.launch;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of running a graph: one record per step in the order they ran, and the first failure.
 *
 * @param steps   one per step
 * @param failure the exception of the first step that failed; null when all ran
 */
public record StepReport(List<StepRecord> steps, Exception failure) {

    public StepReport {
        steps = List.copyOf(steps);
    }

    public boolean ok() {
        return failure == null;
    }

    public Optional<Exception> firstFailure() {
        return Optional.ofNullable(failure);
    }
}
