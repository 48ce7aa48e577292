package aimengine.probe;

import aimengine.hardware.Hardware;
import aimengine.hardware.HardwareCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds the machine's GPUs: runs the probes in parallel, each under its timeout, and merges what they read into a
 * {@link HostView} with three layers. Host: every GPU of the machine. Container: those the device nodes and the
 * visibility variables let a process here use. Engine: what torch counts, when asked for; otherwise assumed equal to
 * the container's. A probe that fails leaves its error in the view; nothing here throws.
 */
public final class Detection {
    /** `import torch` alone took 5.4 s on an H200 host; a cold cache on a busy node takes several times that. */
    public static final Duration ENGINE_TIMEOUT = Duration.ofSeconds(30);
    /** Extra wait past a probe's own timeout, for a probe stuck where it cannot notice its timeout (a sysfs read). */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final DeviceIdentifier identifier;
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
        this.identifier = new DeviceIdentifier(catalog);
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
            return merge(host, visibility, engine);
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

    private HostView merge(List<ProbeOutcome<HostReading>> host, ProbeOutcome<Visibility> visibility,
                           ProbeOutcome<EngineReading> engine) {
        Set<String> sources = new LinkedHashSet<>();
        List<ProbedGpu> gpus = new ArrayList<>();
        for (String vendor : List.of("amd", "nvidia")) {
            gpus.addAll(devicesOf(vendor, host, sources));
        }
        List<GpuDevice> hostDevices = identifier.identify(gpus.stream().map(ProbedGpu::device).toList());
        List<ProbedGpu> identified = new ArrayList<>();
        for (int i = 0; i < gpus.size(); i++) {
            identified.add(gpus.get(i).withDevice(hostDevices.get(i)));
            if (gpus.get(i).device().vramMiB() == 0 && hostDevices.get(i).vramMiB() > 0) {
                sources.add("memory from the hardware catalog");
            }
        }

        List<String> hostErrors = new ArrayList<>();
        for (ProbeOutcome<HostReading> o : host) {
            if (o.failed() || o.absent() && hostDevices.isEmpty()) {
                hostErrors.add(o.message());
            } else if (o.value() != null) {
                hostErrors.addAll(o.value().problems());
            }
        }
        GpuView hostView = new GpuView("host", sources.isEmpty() ? "no source found a GPU" : String.join(" + ", sources),
                hostDevices, joined(hostErrors));

        GpuView containerView;
        if (visibility.value() == null) {
            containerView = new GpuView("container", "assumed equal to the host", hostDevices,
                    visibility.message() + "; assumed the container sees every host GPU");
        } else {
            VisibilityFilter.Result r = VisibilityFilter.apply(visibility.value(), identified);
            containerView = new GpuView("container", r.source(), r.devices(), joined(r.problems()));
        }

        GpuView engineView;
        boolean engineProbed = false;
        if (engine == null) {
            engineView = new GpuView("engine", "assumed equal to the container (no engine probe)",
                    containerView.devices(), null);
        } else if (engine.value() == null) {
            engineView = new GpuView("engine", "assumed equal to the container (the engine probe failed)",
                    containerView.devices(), engine.message());
        } else {
            engineProbed = true;
            engineView = engineView(engine.value(), containerView.devices());
        }
        List<GpuView> views = List.of(hostView, containerView, engineView);
        return new HostView("probes", groups(hostView, containerView, engineView), hostDevices, views, engineProbed);
    }

    /**
     * The vendor's devices from the first probe (in order of preference) that found them without trouble, or else the
     * first that found any; gaps (memory, ids, node minors) are filled from the other probes by bus address.
     */
    private static List<ProbedGpu> devicesOf(String vendor, List<ProbeOutcome<HostReading>> host, Set<String> sources) {
        List<ProbeOutcome<HostReading>> withDevices = host.stream()
                .filter(o -> o.value() != null && o.value().gpus().stream().anyMatch(g -> g.device().vendor().equals(vendor)))
                .toList();
        if (withDevices.isEmpty()) {
            return List.of();
        }
        ProbeOutcome<HostReading> chosen = withDevices.stream().filter(o -> o.value().problems().isEmpty()).findFirst()
                .orElse(withDevices.get(0));
        sources.add(chosen.value().source());
        Map<String, ProbedGpu> others = new LinkedHashMap<>();
        for (ProbeOutcome<HostReading> o : withDevices) {
            if (o != chosen) {
                for (ProbedGpu g : o.value().gpus()) {
                    if (g.device().busAddress() != null) {
                        others.putIfAbsent(g.device().busAddress(), g);
                    }
                }
            }
        }
        List<ProbedGpu> mine = chosen.value().gpus().stream().filter(g -> g.device().vendor().equals(vendor)).toList();
        Map<String, Integer> perPackage = new LinkedHashMap<>();
        mine.forEach(g -> perPackage.merge(String.valueOf(BusAddress.packageOf(g.device().busAddress())), 1, Integer::sum));
        List<ProbedGpu> result = new ArrayList<>();
        for (ProbedGpu g : mine) {
            ProbedGpu other = others.get(g.device().busAddress());
            boolean partitioned = perPackage.get(String.valueOf(BusAddress.packageOf(g.device().busAddress()))) > 1;
            result.add(other == null ? g : fillGaps(g, other, !partitioned));
        }
        return Partitions.assign(result);
    }

    /**
     * Another probe's memory figure is taken only for an unpartitioned device: a tool that lists the whole GPU at the
     * partition's address would give the package's memory to one partition.
     */
    private static ProbedGpu fillGaps(ProbedGpu g, ProbedGpu other, boolean takeMemory) {
        GpuDevice d = g.device();
        GpuDevice o = other.device();
        GpuDevice filled = new GpuDevice(d.index(), d.vendor(), d.product(),
                d.pciDeviceId() != 0 ? d.pciDeviceId() : o.pciDeviceId(), d.busAddress(),
                d.llvmTarget() != null ? d.llvmTarget() : o.llvmTarget(),
                d.vramMiB() > 0 || !takeMemory ? d.vramMiB() : o.vramMiB(),
                d.partition() != null ? d.partition() : o.partition(), d.packageId(),
                d.uuid() != null ? d.uuid() : o.uuid());
        return new ProbedGpu(filled, g.deviceMinor() >= 0 ? g.deviceMinor() : other.deviceMinor(),
                g.xccCount() >= 0 ? g.xccCount() : other.xccCount());
    }

    /** torch numbers the devices the container lets it see from 0; it sees the first N of them. */
    private static GpuView engineView(EngineReading reading, List<GpuDevice> container) {
        String source = reading.torch() + ": device_count " + reading.deviceCount();
        if (reading.deviceCount() > container.size()) {
            return new GpuView("engine", source, container, "torch counts " + reading.deviceCount()
                    + " devices but the container view has " + container.size()
                    + "; a probe missed devices, so the container's are listed");
        }
        return new GpuView("engine", source, container.subList(0, reading.deviceCount()), null);
    }

    private List<GpuGroup> groups(GpuView host, GpuView container, GpuView engine) {
        Map<String, List<GpuDevice>> byProduct = new LinkedHashMap<>();
        for (GpuDevice d : host.devices()) {
            if (d.product() != null) {
                byProduct.computeIfAbsent(d.product(), k -> new ArrayList<>()).add(d);
            }
        }
        List<GpuGroup> groups = new ArrayList<>();
        byProduct.forEach((product, devices) -> {
            Optional<Hardware> h = identifier.hardware(devices.get(0));
            long vram = devices.stream().mapToLong(GpuDevice::vramMiB).min().orElse(0);
            groups.add(new GpuGroup(product, devices.get(0).vendor(),
                    h.map(Hardware::llvmTarget).orElse(devices.get(0).llvmTarget()), vram, devices.size(),
                    count(container, product), count(engine, product)));
        });
        return groups;
    }

    private static int count(GpuView view, String product) {
        return (int) view.devices().stream().filter(d -> product.equals(d.product())).count();
    }

    private static String joined(List<String> messages) {
        return messages.isEmpty() ? null : String.join("; ", messages);
    }
}
