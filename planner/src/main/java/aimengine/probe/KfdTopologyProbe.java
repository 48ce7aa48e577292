package aimengine.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the KFD topology (/sys/class/kfd/kfd/topology/nodes/N/properties), the view the ROCm runtime itself
 * enumerates: one node per GPU or GPU partition, numbered in the order HIP numbers devices. CPU nodes have
 * simd_count 0 and are skipped.
 */
public final class KfdTopologyProbe implements GpuProbe<HostReading> {
    static final String NODES = "/sys/class/kfd/kfd/topology/nodes";
    private static final int HEAP_FRAME_BUFFER_PUBLIC = 1;
    private static final int HEAP_FRAME_BUFFER_PRIVATE = 2;

    private final SysfsReader sysfs;
    private final Duration timeout;

    public KfdTopologyProbe(Path root, Duration timeout) {
        this.sysfs = new SysfsReader(root);
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "sysfs KFD topology";
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public HostReading probe() throws ProbeException {
        Path nodes = sysfs.resolve(NODES);
        if (!Files.isDirectory(nodes)) {
            throw ProbeException.absent("no KFD topology at " + NODES + ": the amdgpu driver is not loaded");
        }
        List<ProbedGpu> gpus = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<Long, Integer> uniqueIds = new HashMap<>();
        List<Long> idOfGpu = new ArrayList<>();
        for (Path node : numbered(nodes)) {
            Path file = node.resolve("properties");
            Map<String, String> props;
            try {
                props = sysfs.properties(file);
            } catch (ProbeException e) {
                problems.add(e.getMessage());
                continue;
            }
            try {
                String where = sysfs.display(file);
                if (SysfsReader.number(props, "simd_count", where) == 0) {
                    continue;
                }
                long uniqueId = SysfsReader.number(props, "unique_id", where);
                gpus.add(gpu(gpus.size(), node, props, where, problems));
                idOfGpu.add(uniqueId);
                uniqueIds.merge(uniqueId, 1, Integer::sum);
            } catch (ProbeException e) {
                problems.add(e.getMessage());
            }
        }
        if (gpus.isEmpty() && !problems.isEmpty()) {
            throw ProbeException.failed(String.join("; ", problems));
        }
        return new HostReading(name(), withUuids(gpus, idOfGpu, uniqueIds), problems);
    }

    private ProbedGpu gpu(int index, Path node, Map<String, String> props, String where, List<String> problems)
            throws ProbeException {
        String target = LlvmTargets.fromKfd(SysfsReader.number(props, "gfx_target_version", where));
        String bus = BusAddress.fromKfd(SysfsReader.number(props, "domain", where),
                SysfsReader.number(props, "location_id", where));
        long vramBytes = SysfsReader.number(props, "local_mem_size", where);
        if (vramBytes == 0) {
            vramBytes = memBanks(node.resolve("mem_banks"), problems);
        }
        int deviceId = (int) SysfsReader.number(props, "device_id", where);
        int minor = props.containsKey("drm_render_minor")
                ? (int) SysfsReader.number(props, "drm_render_minor", where) : -1;
        int xcc = props.containsKey("num_xcc") ? (int) SysfsReader.number(props, "num_xcc", where) : -1;
        GpuDevice device = new GpuDevice(index, "amd", null, deviceId, bus, target, vramBytes / (1024 * 1024),
                null, null, null);
        return new ProbedGpu(device, minor, xcc);
    }

    /** On MI300-class GPUs local_mem_size is 0 and the memory is listed as banks; the frame buffer heaps count. */
    private long memBanks(Path banks, List<String> problems) {
        if (!Files.isDirectory(banks)) {
            return 0;
        }
        long total = 0;
        try {
            for (Path bank : numbered(banks)) {
                Path file = bank.resolve("properties");
                Map<String, String> props = sysfs.properties(file);
                String where = sysfs.display(file);
                long heap = props.containsKey("heap_type")
                        ? SysfsReader.number(props, "heap_type", where) : HEAP_FRAME_BUFFER_PUBLIC;
                if (heap == HEAP_FRAME_BUFFER_PUBLIC || heap == HEAP_FRAME_BUFFER_PRIVATE) {
                    total += SysfsReader.number(props, "size_in_bytes", where);
                }
            }
        } catch (ProbeException e) {
            problems.add(e.getMessage());
            return 0;
        }
        return total;
    }

    /** A unique_id shared by several nodes belongs to the partitions of one GPU, so it names none of them. */
    private static List<ProbedGpu> withUuids(List<ProbedGpu> gpus, List<Long> ids, Map<Long, Integer> counts) {
        List<ProbedGpu> result = new ArrayList<>();
        for (int i = 0; i < gpus.size(); i++) {
            long id = ids.get(i);
            ProbedGpu g = gpus.get(i);
            if (id != 0 && counts.get(id) == 1) {
                g = g.withDevice(g.device().withUuid(String.format("GPU-%016x", id)));
            }
            result.add(g);
        }
        return result;
    }

    private List<Path> numbered(Path dir) throws ProbeException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().matches("\\d{1,9}"))
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())))
                    .toList();
        } catch (IOException e) {
            throw ProbeException.failed("cannot list " + sysfs.display(dir) + ": " + SysfsReader.reason(e));
        }
    }
}
