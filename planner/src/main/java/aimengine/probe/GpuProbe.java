package aimengine.probe;

import java.time.Duration;

/**
 * One source of facts about the machine's GPUs (sysfs, an SMI tool, the environment, the engine's Python).
 * A probe may throw {@link ProbeException}; {@link Detection} runs it under its timeout and turns every failure
 * into an error recorded in the views, so a probe can never hang or crash a command.
 *
 * @param <T> what the probe reads
 */
public interface GpuProbe<T> {

    /** Short name used in sources and error messages ("amd-smi", "sysfs KFD topology"). */
    String name();

    /** How long the probe may take before its result is given up. */
    Duration timeout();

    T probe() throws ProbeException;
}
