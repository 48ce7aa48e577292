package aimengine.cli.launch;

import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import aimengine.cli.launch.StepRecord.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Runs the steps of a graph one at a time in topological order, timing each. A failed step does not stop the run:
 * the steps that need it, directly or not, are skipped, and steps that do not need it still run.
 */
public final class StepExecutor {

    /** Told when each step starts and ends (progress, the JSON event log). */
    public interface Listener {
        default void started(Step step) {
        }

        default void finished(StepRecord record) {
        }
    }

    private final LongSupplier nanoTime;
    private final Listener listener;

    /** @param nanoTime a monotonic clock in nanoseconds (System::nanoTime) */
    public StepExecutor(LongSupplier nanoTime, Listener listener) {
        this.nanoTime = nanoTime;
        this.listener = listener;
    }

    public StepReport run(LaunchGraph graph, StepResults results) {
        Map<Step, Status> status = new HashMap<>();
        List<StepRecord> records = new ArrayList<>();
        Exception failure = null;
        for (Step step : graph.order()) {
            StepRecord record;
            List<String> blocked = graph.needed(step).stream().filter(s -> status.get(s) != Status.OK)
                    .map(Step::name).toList();
            if (!blocked.isEmpty()) {
                record = new StepRecord(step.name(), Status.SKIPPED, Duration.ZERO,
                        "needs " + String.join(", ", blocked));
            } else {
                listener.started(step);
                long start = nanoTime.getAsLong();
                try {
                    String detail = step.run(results);
                    record = new StepRecord(step.name(), Status.OK, elapsed(start), detail == null ? "" : detail);
                } catch (Exception e) {
                    record = new StepRecord(step.name(), stoppedBySignal(e) ? Status.STOPPED : Status.FAILED,
                            elapsed(start), e.getMessage() == null ? e.toString() : e.getMessage());
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
            status.put(step, record.status());
            records.add(record);
            listener.finished(record);
        }
        return new StepReport(records, failure);
    }

    private static boolean stoppedBySignal(Exception e) {
        return e instanceof ExitException x
                && (x.exitCode() == ExitCodes.INTERRUPTED || x.exitCode() == ExitCodes.TERMINATED);
    }

    private Duration elapsed(long start) {
        return Duration.ofNanos(nanoTime.getAsLong() - start);
    }
}
