package aimengine.cli.metrics;

import aimengine.cli.launch.HealthObserver;
import aimengine.cli.launch.RunningEngine;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * aim-engine's own metrics of one run, under {@code aim_engine_} with the unit in the name: the plan (info), the
 * engine up (its process lives) and ready (its health check passes), restarts, health-check durations and failures,
 * time to ready, the engine process tree's CPU, memory and threads, and each GPU's readings. Values the run does not
 * know yet (no engine started, no GPU reading) are absent rather than zero.
 */
public final class RunMetrics implements HealthObserver {
    private static final String[] GPU_LABELS = {"index", "product", "bus_id"};
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Info info;
    private final Histogram healthDuration;
    private final Counter healthFailures;
    private final Gauge timeToReady;
    private final ProcessTreeUsage processes;
    private final GpuSampler gpus;
    private final LongSupplier nanoTime;
    private volatile RunningEngine engine;
    private volatile boolean ready;
    private volatile CachedUsage usage;

    private record CachedUsage(long atNanos, long pid, Optional<ProcessTreeUsage.Usage> usage) {
    }

    public RunMetrics(ProcessTreeUsage processes, GpuSampler gpus, LongSupplier nanoTime) {
        this.processes = processes;
        this.gpus = gpus;
        this.nanoTime = nanoTime;
        info = Info.builder().name("aim_engine").help("The plan this run serves and the aim-engine version")
                .labelNames("model", "recipe", "backend", "precision", "gpus", "version").register(registry);
        GaugeWithCallback.builder().name("aim_engine_up").help("1 while the engine's process lives, else 0")
                .callback(cb -> cb.call(alive() ? 1 : 0)).register(registry);
        GaugeWithCallback.builder().name("aim_engine_ready").help("1 while the engine's health check passes, else 0")
                .callback(cb -> cb.call(alive() && ready ? 1 : 0)).register(registry);
        CounterWithCallback.builder().name("aim_engine_restarts").help("Restarts of the engine by this run")
                .callback(cb -> cb.call(engine == null ? 0 : engine.restarts())).register(registry);
        healthDuration = Histogram.builder().name("aim_engine_health_check_duration_seconds")
                .help("Time of one health check (/health, then /v1/models)").classicOnly()
                .classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5)
                .register(registry);
        healthFailures = Counter.builder().name("aim_engine_health_check_failures")
                .help("Health checks that did not pass (while loading, too)").register(registry);
        timeToReady = Gauge.builder().name("aim_engine_time_to_ready_seconds")
                .help("From the last start or restart of the engine until it was ready").register(registry);
        CounterWithCallback.builder().name("aim_engine_engine_cpu_seconds")
                .help("CPU time of the engine's process tree (user and system, live processes)")
                .callback(cb -> tree().ifPresent(u -> cb.call(u.cpuSeconds()))).register(registry);
        GaugeWithCallback.builder().name("aim_engine_engine_resident_memory_bytes")
                .help("Resident memory of the engine's process tree")
                .callback(cb -> tree().ifPresent(u -> cb.call(u.residentBytes()))).register(registry);
        GaugeWithCallback.builder().name("aim_engine_engine_threads").help("Threads in the engine's process tree")
                .callback(cb -> tree().ifPresent(u -> cb.call(u.threads()))).register(registry);
        GaugeWithCallback.builder().name("aim_engine_engine_processes").help("Processes in the engine's process tree")
                .callback(cb -> tree().ifPresent(u -> cb.call(u.processes()))).register(registry);
        gpuGauge("aim_engine_gpu_utilization_ratio", "GPU busy, 0 to 1", GpuReading::busyRatio);
        gpuGauge("aim_engine_gpu_memory_used_bytes", "GPU memory (VRAM) in use", GpuReading::memoryUsedBytes);
        gpuGauge("aim_engine_gpu_memory_total_bytes", "GPU memory (VRAM) in all", GpuReading::memoryTotalBytes);
        gpuGauge("aim_engine_gpu_power_watts", "GPU (socket) power draw", GpuReading::powerWatts);
        GaugeWithCallback.builder().name("aim_engine_gpu_temperature_celsius")
                .help("GPU temperature per sensor (edge, junction, memory; gpu on NVIDIA)")
                .labelNames("index", "product", "bus_id", "sensor")
                .callback(cb -> gpus.readings().forEach(r -> r.temperatures().forEach((sensor, t) -> cb.call(t,
                        String.valueOf(r.index()), orUnknown(r.product()), orUnknown(r.busId()), sensor))))
                .register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** The plan the run serves, once selected. */
    public void planned(String model, String recipe, String backend, String precision, int gpuCount, String version) {
        info.setLabelValues(model, recipe, backend, precision, String.valueOf(gpuCount), version);
    }

    /** The engine's phase changed (spawned, restarting, serving, stopping). */
    public void engine(RunningEngine running, RunningEngine.Phase phase) {
        engine = running;
        if (phase != RunningEngine.Phase.SERVING) {
            ready = false;
        }
    }

    @Override
    public void checked(Duration took, boolean passed) {
        healthDuration.observe(took.toNanos() / 1e9);
        if (!passed) {
            healthFailures.inc();
        }
        ready = passed;
    }

    @Override
    public void ready(Duration sinceStart) {
        timeToReady.set(sinceStart.toNanos() / 1e9);
        ready = true;
    }

    private boolean alive() {
        RunningEngine e = engine;
        return e != null && e.current() != null && e.current().alive();
    }

    /** One read of /proc per scrape, shared by the process-tree metrics. */
    private Optional<ProcessTreeUsage.Usage> tree() {
        RunningEngine e = engine;
        if (e == null || e.current() == null) {
            return Optional.empty();
        }
        long pid = e.current().pid();
        CachedUsage c = usage;
        long now = nanoTime.getAsLong();
        if (c == null || c.pid() != pid || now - c.atNanos() > 500_000_000L) {
            c = new CachedUsage(now, pid, processes.of(pid));
            usage = c;
        }
        return c.usage();
    }

    private void gpuGauge(String name, String help, Function<GpuReading, Double> value) {
        GaugeWithCallback.builder().name(name).help(help).labelNames(GPU_LABELS)
                .callback(cb -> gpus.readings().forEach(r -> {
                    Double v = value.apply(r);
                    if (v != null) {
                        cb.call(v, String.valueOf(r.index()), orUnknown(r.product()), orUnknown(r.busId()));
                    }
                })).register(registry);
    }

    private static String orUnknown(String s) {
        return s == null ? "unknown" : s;
    }
}
