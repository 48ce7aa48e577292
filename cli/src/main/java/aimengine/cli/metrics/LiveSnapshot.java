package aimengine.cli.metrics;

import java.util.List;

/**
 * What a run last measured, written next to its state file every sampling period so that `status` (another process)
 * can show it without a metrics port: the engine's process tree, each GPU, the engine's own metrics over the last
 * minute. Fields are only ever added.
 *
 * @param sampledAt when (ISO-8601)
 * @param engine    the process tree, or null while no engine runs
 * @param gpuError  why the GPUs could not be read, or null
 */
public record LiveSnapshot(String sampledAt, ProcessTreeUsage.Usage engine, List<GpuReading> gpus, String gpuError,
                           EngineStatsWindow.Stats engineMetrics) {
    public LiveSnapshot {
        gpus = List.copyOf(gpus);
    }
}
