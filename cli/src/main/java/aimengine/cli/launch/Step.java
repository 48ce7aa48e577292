package aimengine.cli.launch;

import java.util.List;

/** One step of a launch: what it needs from earlier steps, what it gives, and the work. */
public interface Step {

    /** Short lower-case name for the step table and the graph, e.g. "await-health". */
    String name();

    List<ResultKey<?>> needs();

    ResultKey<?> gives();

    /**
     * Does the work and puts {@link #gives()} into the results.
     *
     * @return one line for the step table, e.g. "pid 4242"
     * @throws Exception to fail the step; the steps that depend on it are skipped
     */
    String run(StepResults results) throws Exception;
}
