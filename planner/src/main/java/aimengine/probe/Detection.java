package aimengine.probe;

import aimengine.hardware.HardwareCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds the machine's GPUs: runs the probes in parallel, each under its timeout, and has {@link HostViewMerger} turn
 * what they read into a {@link HostView}. A probe that fails, hangs or crashes leaves its error in the views; nothing
 * here throws.
 */
public final class Detection {
    /** `import torch` alone took 5.4 s on an H200 host; 30 s leaves room for a cold file cache. */
    public static final Duration ENGINE_TIMEOUT = Duration.ofSeconds(30);
    /** Extra wait past a probe's own timeout, for a probe stuck where it cannot notice its timeout (a sysfs read). */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final HostViewMerger merger;
    private final List<GpuProbe<HostReading>> hostProbes;
    private final GpuProbe<Visibility> visibilityProbe;
    private final GpuProbe<EngineReading> engineProbe;

    /**
     * @param root    where /sys, /dev and /proc are read ("/" on a real machine)
     * @param env     the environment: PATH to find the tools, the visibility variables
     * @param timeout for each probe but the engine's (which gets {@link #ENGINE_TIMEOUT})
     */
    public Detection(HardwareCatalog catalog, Path root, Map<String, String> env, Duration timeout) {
        this(catalog, standardHostProbes(root, new ToolRunner(env), timeout), new VisibilityProbe(root, env, timeout),
                new TorchEngineProbe(new ToolRunner(env), ENGINE_TIMEOUT));
    }

    /** @param hostProbes in order of preference: the first that finds a vendor's GPUs describes them */
    Detection(HardwareCatalog catalog, List<GpuProbe<HostReading>> hostProbes, GpuProbe<Visibility> visibilityProbe,
              GpuProbe<EngineReading> engineProbe) {
        this.merger = new HostViewMerger(catalog);
        this.hostProbes = List.copyOf(hostProbes);
        this.visibilityProbe = visibilityProbe;
        this.engineProbe = engineProbe;
    }

    static List<GpuProbe<HostReading>> standardHostProbes(Path root, ToolRunner runner, Duration timeout) {
        return List.of(new KfdTopologyProbe(root, timeout),
                new FallbackProbe(new AmdSmiProbe(runner, timeout), new RocmSmiProbe(runner, timeout)),
                new NvidiaSmiProbe(runner, timeout),
                new PciSysfsProbe(root, timeout));
    }

    /** Runs the probes; with engineProbe also asks the engine's Python (seconds), in parallel with the rest. */
    public HostView detect(boolean engineProbe) {
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "gpu-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            long start = System.nanoTime();
            List<Future<HostReading>> hostFutures = new ArrayList<>();
            for (GpuProbe<HostReading> p : hostProbes) {
                hostFutures.add(pool.submit((Callable<HostReading>) p::probe));
            }
            Future<Visibility> visibilityFuture = pool.submit((Callable<Visibility>) visibilityProbe::probe);
            Future<EngineReading> engineFuture = engineProbe
                    ? pool.submit((Callable<EngineReading>) this.engineProbe::probe) : null;
            List<ProbeOutcome<HostReading>> host = new ArrayList<>();
            for (int i = 0; i < hostProbes.size(); i++) {
                host.add(await(hostProbes.get(i), hostFutures.get(i), start));
            }
            ProbeOutcome<Visibility> visibility = await(visibilityProbe, visibilityFuture, start);
            ProbeOutcome<EngineReading> engine = engineProbe ? await(this.engineProbe, engineFuture, start) : null;
            return merger.merge(host, visibility, engine);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> ProbeOutcome<T> await(GpuProbe<T> probe, Future<T> future, long start) {
        long deadline = start + probe.timeout().plus(GRACE).toNanos();
        try {
            return ProbeOutcome.of(probe.name(), future.get(Math.max(0, deadline - System.nanoTime()),
                    TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            return ProbeOutcome.failed(probe.name(), probe.name() + " did not finish within "
                    + ToolRunner.seconds(probe.timeout()) + "; gave up on it");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ProbeException pe) {
                return pe.absent() ? ProbeOutcome.absent(probe.name(), pe.getMessage())
                        : ProbeOutcome.failed(probe.name(), pe.getMessage());
            }
            return ProbeOutcome.failed(probe.name(), probe.name() + " failed: " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeOutcome.failed(probe.name(), probe.name() + " was interrupted");
        }
    }

}
