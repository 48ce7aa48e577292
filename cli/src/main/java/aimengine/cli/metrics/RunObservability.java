package aimengine.cli.metrics;

import aimengine.engine.EngineSeries;
import aimengine.io.AtomicFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The run's measuring, on one background thread: every period it reads the GPUs, scrapes the engine's metrics into
 * the last-minute window and writes the {@link LiveSnapshot} for `status`. Nothing here can stop or slow the launch:
 * a failure is a missing reading.
 */
public final class RunObservability implements AutoCloseable {
    public static final String SNAPSHOT_FILE = "live.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final RunMetrics metrics;
    private final GpuSampler gpus;
    private final EngineMetricsSource engine;
    private final ProcessTreeUsage processes;
    private final Supplier<Optional<Long>> enginePid;
    private final Path snapshotFile;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "aim-engine-metrics-sampler");
        t.setDaemon(true);
        return t;
    });
    private final EngineStatsWindow window;

    /**
     * @param engine       the engine's exposition
     * @param series       the series of it that status summarises
     * @param enginePid    the engine's current pid, empty while none runs
     * @param snapshotFile where `status` reads the last snapshot
     */
    public RunObservability(RunMetrics metrics, GpuSampler gpus, EngineMetricsSource engine, EngineSeries series,
                            ProcessTreeUsage processes, Supplier<Optional<Long>> enginePid, Path snapshotFile,
                            Clock clock) {
        this.metrics = metrics;
        this.window = new EngineStatsWindow(series);
        this.gpus = gpus;
        this.engine = engine;
        this.processes = processes;
        this.enginePid = enginePid;
        this.snapshotFile = snapshotFile;
        this.clock = clock;
    }

    public RunMetrics metrics() {
        return metrics;
    }

    public GpuSampler gpus() {
        return gpus;
    }

    public EngineMetricsSource engineMetrics() {
        return engine;
    }

    public RunObservability start(Duration period) {
        thread.scheduleWithFixedDelay(this::sampleQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Measures now, besides the period (the engine just became ready: status should show it at once). */
    public void sampleSoon() {
        if (!thread.isShutdown()) {
            thread.execute(this::sampleQuietly);
        }
    }

    /** One round of measuring. */
    void sample() throws IOException {
        gpus.sample();
        Optional<ProcessTreeUsage.Usage> tree = enginePid.get().flatMap(processes::of);
        Optional<String> text = tree.isPresent() ? engine.fetch() : Optional.empty();
        if (text.isPresent()) {
            window.add(System.nanoTime(), ExpositionText.parse(text.get()));
        } else {
            window.reset();
        }
        LiveSnapshot snapshot = new LiveSnapshot(clock.instant().toString(), tree.orElse(null), gpus.readings(),
                gpus.lastError().orElse(null), window.stats());
        AtomicFile.write(snapshotFile, JSON.writeValueAsString(snapshot) + "\n");
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (IOException | RuntimeException e) {
            // a missed sample is a missing reading; the run goes on
        }
    }

    /** Stops sampling and removes the snapshot (the run is over). */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
            java.nio.file.Files.deleteIfExists(snapshotFile);
        } catch (IOException e) {
            // a left-over snapshot is marked stale by status through the state file
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
