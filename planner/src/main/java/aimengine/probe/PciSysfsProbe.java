package aimengine.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists GPUs on the PCI bus (/sys/bus/pci/devices/*): AMD (0x1002) and NVIDIA (0x10de) devices of a display
 * (0x03xx) or processing-accelerator (0x12xx) class. It sees physical functions, so it counts packages, not
 * partitions; it is the fallback when KFD and the SMI tools give nothing, and the source of PCI device ids.
 */
public final class PciSysfsProbe implements GpuProbe<HostReading> {
    static final String DEVICES = "/sys/bus/pci/devices";
    static final int AMD = 0x1002;
    static final int NVIDIA = 0x10de;

    private final SysfsReader sysfs;
    private final Duration timeout;

    public PciSysfsProbe(Path root, Duration timeout) {
        this.sysfs = new SysfsReader(root);
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "sysfs PCI";
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public HostReading probe() throws ProbeException {
        Path devices = sysfs.resolve(DEVICES);
        if (!Files.isDirectory(devices)) {
            throw ProbeException.absent("no " + DEVICES);
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(devices)) {
            entries = list.sorted().toList();
        } catch (IOException e) {
            throw ProbeException.failed("cannot list " + DEVICES + ": " + SysfsReader.reason(e));
        }
        List<ProbedGpu> amd = new ArrayList<>();
        List<ProbedGpu> nvidia = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path dir : entries) {
            try {
                ProbedGpu gpu = gpu(dir);
                if (gpu != null) {
                    (gpu.device().vendor().equals("amd") ? amd : nvidia).add(gpu);
                }
            } catch (ProbeException e) {
                problems.add(e.getMessage());
            }
        }
        // Each vendor's runtime numbers its own devices from 0, in bus order.
        List<ProbedGpu> gpus = new ArrayList<>();
        for (List<ProbedGpu> vendor : List.of(amd, nvidia)) {
            for (int i = 0; i < vendor.size(); i++) {
                gpus.add(vendor.get(i).withDevice(vendor.get(i).device().withIndex(i)));
            }
        }
        if (gpus.isEmpty() && !problems.isEmpty()) {
            throw ProbeException.failed(String.join("; ", problems));
        }
        return new HostReading(name(), gpus, problems);
    }

    private ProbedGpu gpu(Path dir) throws ProbeException {
        long vendor = sysfs.hex(dir.resolve("vendor"));
        if (vendor != AMD && vendor != NVIDIA) {
            return null;
        }
        long baseClass = sysfs.hex(dir.resolve("class")) >> 16;
        if (baseClass != 0x03 && baseClass != 0x12) {
            return null;
        }
        int deviceId = (int) sysfs.hex(dir.resolve("device"));
        String bus = BusAddress.normalize(dir.getFileName().toString());
        long vram = 0;
        Path vramFile = dir.resolve("mem_info_vram_total");
        if (Files.exists(vramFile)) {
            vram = sysfs.decimal(vramFile) / (1024 * 1024);
        }
        GpuDevice device = new GpuDevice(0, vendor == AMD ? "amd" : "nvidia", null, deviceId, bus, null, vram,
                null, null, null);
        return new ProbedGpu(device, renderMinor(dir.resolve("drm")), -1);
    }

    /** amdgpu lists its render node under the PCI device: drm/renderD128. */
    private static int renderMinor(Path drm) {
        if (!Files.isDirectory(drm)) {
            return -1;
        }
        try (Stream<Path> list = Files.list(drm)) {
            return list.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("renderD\\d+"))
                    .mapToInt(n -> Integer.parseInt(n.substring("renderD".length())))
                    .min().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }
}
