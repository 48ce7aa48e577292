package aimengine.probe;

import aimengine.hardware.Hardware;
import aimengine.hardware.HardwareCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what the probes read into a {@link HostView} with three layers. Host: every GPU of the machine, from the most
 * telling source. Container: those the device nodes and the visibility variables let a process here use. Engine: what
 * torch counts, when it was asked; otherwise assumed equal to the container's.
 */
final class HostViewMerger {
    private final DeviceIdentifier identifier;

    HostViewMerger(HardwareCatalog catalog) {
        this.identifier = new DeviceIdentifier(catalog);
    }

    /**
     * @param host       outcomes of the host probes, in order of preference
     * @param visibility outcome of the visibility probe
     * @param engine     outcome of the engine probe, or null when it was not asked
     */
    HostView merge(List<ProbeOutcome<HostReading>> host, ProbeOutcome<Visibility> visibility,
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
            if (o.isFailed() || o.absent() && hostDevices.isEmpty()) {
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
     * The vendor's devices from the first probe, in order of preference, that found any; gaps (memory, ids, node
     * minors) are filled from the other probes by bus address. A KFD tree with one unreadable node still describes the
     * partitions better than the PCI bus, which sees packages only; its problem is reported with the host view.
     */
    private static List<ProbedGpu> devicesOf(String vendor, List<ProbeOutcome<HostReading>> host, Set<String> sources) {
        List<ProbeOutcome<HostReading>> withDevices = host.stream()
                .filter(o -> o.value() != null && o.value().gpus().stream().anyMatch(g -> g.device().vendor().equals(vendor)))
                .toList();
        if (withDevices.isEmpty()) {
            return List.of();
        }
        ProbeOutcome<HostReading> chosen = withDevices.get(0);
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
