package aimengine.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KfdTopologyProbeTest {
    @TempDir
    Path root;

    private HostReading read() throws ProbeException {
        return new KfdTopologyProbe(root, Duration.ofSeconds(5)).probe();
    }

    @Test
    void mi210TreeHasEightGpusAfterTheTwoCpuNodes() throws Exception {
        ProbeFixtures.kfd(root, "amd/kfd-topology-8xMI210-xgmi-pcie/nodes");
        HostReading r = read();
        assertEquals(8, r.gpus().size());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), ProbeFixtures.indices(r.gpus().stream().map(ProbedGpu::device).toList()));
        for (ProbedGpu g : r.gpus()) {
            assertEquals(0x740f, g.device().pciDeviceId());
            assertEquals("gfx90a", g.device().llvmTarget(), "90010 decodes with a hex stepping");
            assertEquals(0, g.device().vramMiB(), "this tree has local_mem_size 0 and no mem_banks");
            assertEquals(1, g.xccCount());
        }
        // node 2: location_id 25344 = 0x6300 -> bus 0x63, device 0, function 0; render minor 128
        assertEquals("0000:63:00.0", r.gpus().get(0).device().busAddress());
        assertEquals(128, r.gpus().get(0).deviceMinor());
        assertEquals("GPU-" + Long.toHexString(Long.parseUnsignedLong("1801979520617338022")), r.gpus().get(0).device().uuid());
        assertTrue(r.problems().isEmpty());
    }

    @Test
    void mi300xCpxTreeHasOnePartitionPerNodeGroupedByAddress() throws Exception {
        ProbeFixtures.kfd(root, "amd/kfd-topology-8xMI300X-cpx-64partitions/topology/nodes");
        HostReading r = read();
        assertEquals(63, r.gpus().size(), "the stored tree is one node short of 64");
        Map<String, Long> perPackage = r.gpus().stream().collect(Collectors.groupingBy(
                g -> BusAddress.packageOf(g.device().busAddress()), Collectors.counting()));
        assertEquals(8, perPackage.size());
        assertEquals(7L, perPackage.get("0000:e5:00"));
        assertEquals("0000:05:00.7", r.gpus().get(7).device().busAddress());
        assertTrue(r.gpus().stream().allMatch(g -> g.device().llvmTarget().equals("gfx942")));
        assertTrue(r.gpus().stream().allMatch(g -> g.device().pciDeviceId() == 0x74a1));
        assertNull(r.gpus().get(0).device().uuid(), "partitions share the package's unique_id");
        assertEquals(190, r.gpus().get(62).deviceMinor());
    }

    @Test
    void memoryComesFromTheFrameBufferBanksWhenLocalMemSizeIsZero() throws Exception {
        // Synthetic: the captured trees carry no mem_banks; an MI300X SPX node lists its 196592 MiB as one bank.
        Path node = root.resolve(ProbeFixtures.KFD_NODES).resolve("1");
        ProbeFixtures.write(node.resolve("properties"), "simd_count 1216\ngfx_target_version 90402\n"
                + "device_id 29857\nlocation_id 3072\ndomain 0\nlocal_mem_size 0\nnum_xcc 8\ndrm_render_minor 128\n");
        ProbeFixtures.write(node.resolve("mem_banks/0/properties"),
                "heap_type 1\nsize_in_bytes 206141652992\nflags 0\nwidth 8192\nmem_clk_max 1300\n");
        ProbeFixtures.write(node.resolve("mem_banks/1/properties"), "heap_type 0\nsize_in_bytes 1073741824\n");
        HostReading r = read();
        assertEquals(196592, r.gpus().get(0).device().vramMiB(), "system heap (type 0) is not GPU memory");
        assertEquals("0000:0c:00.0", r.gpus().get(0).device().busAddress());
        assertEquals(8, r.gpus().get(0).xccCount());
    }

    @Test
    void oldKernelWithoutGfxTargetVersionLeavesTheTargetToTheCatalog() throws Exception {
        ProbeFixtures.write(root.resolve(ProbeFixtures.KFD_NODES).resolve("0/properties"),
                "simd_count 480\ndevice_id 29580\nlocation_id 7680\n");
        GpuDevice d = read().gpus().get(0).device();
        assertNull(d.llvmTarget());
        assertEquals(0x738c, d.pciDeviceId());
        assertEquals(-1, read().gpus().get(0).xccCount());
    }

    @Test
    void unreadableNodeIsReportedAndTheOthersAreStillRead() throws Exception {
        ProbeFixtures.kfd(root, "amd/kfd-topology-8xMI210-xgmi-pcie/nodes");
        // Tests run as root, where chmod does not block reads: a folder where the file should be cannot be read.
        Path props = root.resolve(ProbeFixtures.KFD_NODES).resolve("5/properties");
        Files.delete(props);
        Files.createDirectory(props);
        HostReading r = read();
        assertEquals(7, r.gpus().size());
        assertEquals(List.of("cannot read /sys/class/kfd/kfd/topology/nodes/5/properties: it is a folder, expected a file"),
                r.problems());
    }

    @Test
    void garbageValueIsReportedWithTheFileAndKey() throws Exception {
        ProbeFixtures.write(root.resolve(ProbeFixtures.KFD_NODES).resolve("0/properties"), "simd_count lots\n");
        ProbeException e = assertThrows(ProbeException.class, this::read);
        assertEquals("/sys/class/kfd/kfd/topology/nodes/0/properties: 'simd_count' is 'lots', expected a number",
                e.getMessage());
    }

    @Test
    void missingTopologyIsAbsentNotAnError() {
        ProbeException e = assertThrows(ProbeException.class, this::read);
        assertTrue(e.absent());
    }

    @Test
    void cpuOnlyTopologyHasNoGpu() throws Exception {
        ProbeFixtures.write(root.resolve(ProbeFixtures.KFD_NODES).resolve("0/properties"),
                "cpu_cores_count 64\nsimd_count 0\n");
        assertEquals(0, read().gpus().size());
    }

    @Test
    void targetNamesUseHexDigitsForMinorAndStepping() {
        Function<Long, String> t = LlvmTargets::fromKfd;
        assertEquals("gfx90a", t.apply(90010L));
        assertEquals("gfx942", t.apply(90402L));
        assertEquals("gfx908", t.apply(90008L));
        assertEquals("gfx950", t.apply(90500L));
        assertEquals("gfx1100", t.apply(110000L));
        assertNull(t.apply(0L));
    }

    @Test
    void emptyNodesFolderGivesNoGpus() throws IOException, ProbeException {
        Files.createDirectories(root.resolve(ProbeFixtures.KFD_NODES));
        assertEquals(0, read().gpus().size());
    }
}
