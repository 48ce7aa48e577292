package aimengine.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.hardware.HardwareCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionTest {
    private static final HardwareCatalog CATALOG = ProbeFixtures.catalog();
    private static final Path H200 = ProbeFixtures.fixture("nvidia/h200-1x-captured");

    @TempDir
    Path root;
    Path bin;

    @BeforeEach
    void bin() throws Exception {
        bin = Files.createDirectories(root.resolve("test-bin"));
    }

    private HostView detect(boolean engine, String... env) {
        return new Detection(CATALOG, root, ProbeFixtures.env(bin, env), Duration.ofSeconds(5)).detect(engine);
    }

    private static GpuView view(HostView v, String layer) {
        return v.views().stream().filter(x -> x.layer().equals(layer)).findFirst().orElseThrow();
    }

    private void h200Machine() {
        ProbeFixtures.pciFromListing(root, H200.resolve("pci-gpus.out"));
        ProbeFixtures.devFromListing(root, H200.resolve("dev-ls.out"));
        ProbeFixtures.procFromDriver(root, H200.resolve("proc-driver.out"));
        ProbeFixtures.catTool(bin, "nvidia-smi", ProbeFixtures.fixture("derived/nvidia-smi-query_1xH200.csv"));
    }

    @Test
    void mi300xCpxTreeIsSixtyThreePartitionsOfOneProduct() {
        ProbeFixtures.kfd(root, "amd/kfd-topology-8xMI300X-cpx-64partitions/topology/nodes");
        ProbeFixtures.amdDeviceNodes(root, 128, 64);
        HostView v = detect(false);
        assertEquals(List.of(new GpuGroup("mi300x", "amd", "gfx942", 196592 / 8, 63, 63, 63)), v.groups());
        assertFalse(v.engineProbed());
        assertTrue(v.devices().stream().allMatch(d -> "CPX".equals(d.partition())));
        assertEquals("0000:e5:00", v.devices().get(62).packageId());
        assertEquals(8, v.devices().stream().map(GpuDevice::packageId).distinct().count());
        assertEquals("sysfs KFD topology + memory from the hardware catalog", view(v, "host").source(),
                "the tree has no memory figures; the catalog's is split among the 8 partitions of a package");
        assertNull(view(v, "host").error(), "tools that are not installed are not errors when a GPU was found");
        assertEquals("assumed equal to the container (no engine probe)", view(v, "engine").source());
    }

    @Test
    void mi210TreeTakesTheMemoryFromTheCatalogAndHasNoPartitionMode() {
        ProbeFixtures.kfd(root, "amd/kfd-topology-8xMI210-xgmi-pcie/nodes");
        ProbeFixtures.amdDeviceNodes(root, 128, 8);
        HostView v = detect(false);
        assertEquals(List.of(new GpuGroup("mi210", "amd", "gfx90a", 65520, 8, 8, 8)), v.groups());
        assertTrue(v.devices().stream().allMatch(d -> d.partition() == null && d.vramMiB() == 65520));
    }

    @Test
    void mi250CardsCountTwoGpusEach() {
        // Synthetic: 4 MI250 cards are 8 KFD nodes, one per GCD, each on its own bus address.
        for (int i = 0; i < 8; i++) {
            ProbeFixtures.write(root.resolve(ProbeFixtures.KFD_NODES).resolve(i + 2 + "/properties"),
                    "simd_count 416\ngfx_target_version 90010\ndevice_id 29708\nlocation_id " + ((0x29 + i) << 8)
                            + "\ndomain 0\nlocal_mem_size 68702699520\nnum_xcc 1\ndrm_render_minor " + (128 + i) + "\n");
        }
        ProbeFixtures.amdDeviceNodes(root, 128, 8);
        HostView v = detect(false);
        assertEquals(List.of(new GpuGroup("mi250", "amd", "gfx90a", 65520, 8, 8, 8)), v.groups());
    }

    @Test
    void amdSmiAloneDescribesTheHostWhenThereIsNoKfd() {
        ProbeFixtures.catTool(bin, "amd-smi", AmdSmiProbeTest.STATIC_7X);
        ProbeFixtures.amdDeviceNodes(root, 128, 8);
        HostView v = detect(false);
        assertEquals(List.of(new GpuGroup("mi300x", "amd", "gfx942", 196592, 8, 8, 8)), v.groups());
        assertEquals("amd-smi static --json", view(v, "host").source());
        assertTrue(v.devices().stream().allMatch(d -> d.partition() == null));
    }

    @Test
    void rocmSmiFallbackOnRocm5Mi100TakesTheTargetFromTheCatalog() {
        ProbeFixtures.catTool(bin, "rocm-smi", ProbeFixtures.fixture("amd/rocm-smi-json_6xMI100_rocm5.7.1_telegraf.json"));
        ProbeFixtures.amdDeviceNodes(root, 128, 6);
        HostView v = detect(false);
        assertEquals(List.of(new GpuGroup("mi100", "amd", "gfx908", 32752, 6, 6, 6)), v.groups());
        assertTrue(v.devices().stream().allMatch(d -> "gfx908".equals(d.llvmTarget())));
    }

    @Test
    void rocmSmiMi250GcdIsOneMi250Device() {
        ProbeFixtures.catTool(bin, "rocm-smi",
                ProbeFixtures.fixture("amd/rocm-smi-a-json_1xMI250-GCD_rocm6-driver6.2.4_wandb-go-test.json"));
        ProbeFixtures.amdDeviceNodes(root, 128, 1);
        HostView v = detect(false);
        assertEquals(List.of(new GpuGroup("mi250", "amd", "gfx90a", 65520, 1, 1, 1)), v.groups());
    }

    @Test
    void h200WithEngineProbe() {
        h200Machine();
        ProbeFixtures.catTool(bin, "python3", H200.resolve("torch-probe.out"));
        HostView v = detect(true);
        assertEquals(List.of(new GpuGroup("h200", "nvidia", "sm_90", 143771, 1, 1, 1)), v.groups());
        assertTrue(v.engineProbed());
        assertEquals("nvidia-smi --query-gpu", view(v, "host").source());
        assertEquals("/dev/nvidiactl, 1 /dev/nvidiaN node, no *_VISIBLE_DEVICES set", view(v, "container").source());
        assertEquals("torch 2.11.0+cu130, CUDA 13.0: device_count 1", view(v, "engine").source());
        assertEquals("GPU-2c3215fb-f63a-8780-3db3-3e8f9c8df99e", v.devices().get(0).uuid());
    }

    @Test
    void h200WithEveryDeviceHidden() {
        h200Machine();
        ProbeFixtures.catTool(bin, "python3", H200.resolve("torch-probe-hidden.out"));
        HostView v = detect(true, "CUDA_VISIBLE_DEVICES", "");
        assertEquals(List.of(new GpuGroup("h200", "nvidia", "sm_90", 143771, 1, 0, 0)), v.groups());
        assertNull(view(v, "engine").error());
    }

    @Test
    void h200FromPciAloneWhenNvidiaSmiIsMissing() {
        ProbeFixtures.pciFromListing(root, H200.resolve("pci-gpus.out"));
        ProbeFixtures.devFromListing(root, H200.resolve("dev-ls.out"));
        HostView v = detect(false);
        assertEquals(List.of(new GpuGroup("h200", "nvidia", "sm_90", 143771, 1, 1, 1)), v.groups());
        assertEquals("sysfs PCI + memory from the hardware catalog", view(v, "host").source());
    }

    @Test
    void nvidiaSmiWithoutDeviceIdIsCompletedFromPciByBusAddress() {
        ProbeFixtures.pciFromListing(root, H200.resolve("pci-gpus.out"));
        ProbeFixtures.tool(bin, "nvidia-smi", "echo '0, GPU-2c3215fb, NVIDIA H200, 00000000:00:06.0, [N/A], 143771, 9.0'");
        HostView v = detect(false);
        assertEquals(0x2335, v.devices().get(0).pciDeviceId());
        assertEquals("h200", v.devices().get(0).product(), "sm_90 alone would not tell H100 from H200");
    }

    @Test
    void eightH100() {
        ProbeFixtures.catTool(bin, "nvidia-smi", ProbeFixtures.fixture("derived/nvidia-smi-query_8xH100-SXM.csv"));
        for (int i = 0; i < 8; i++) {
            ProbeFixtures.write(root.resolve("dev/nvidia" + i), "");
        }
        ProbeFixtures.write(root.resolve("dev/nvidiactl"), "");
        HostView v = detect(false, "CUDA_VISIBLE_DEVICES", "4,5,6,7");
        assertEquals(List.of(new GpuGroup("h100", "nvidia", "sm_90", 81559, 8, 4, 4)), v.groups());
    }

    @Test
    void productOutsideTheCatalogIsShownButNotGrouped() {
        ProbeFixtures.catTool(bin, "nvidia-smi", ProbeFixtures.fixture("derived/nvidia-smi-query_1xTesla-T4.csv"));
        HostView v = detect(false);
        assertEquals(1, v.devices().size());
        assertNull(v.devices().get(0).product());
        assertEquals("sm_75", v.devices().get(0).llvmTarget());
        assertTrue(v.groups().isEmpty());
        assertEquals(Optional.of("found 1 GPU but none is in the hardware catalog (nvidia 0x1eb8 sm_75 at 0000:00:1e.0); "
                + "add the product to rules/hardware/*.yaml or use --host FILE"), MissingGpus.problem(v));
    }

    /** A KFD node that gives only its target: the message names what is known, not "0x0000 at null". */
    @Test
    void anUnknownGpuIsNamedByWhatTheProbeRead() {
        ProbeFixtures.write(root.resolve(ProbeFixtures.KFD_NODES).resolve("1/properties"),
                "simd_count 192\ngfx_target_version 110000\n");
        ProbeFixtures.amdDeviceNodes(root, 128, 1);
        HostView v = detect(false);
        assertEquals(Optional.of("found 1 GPU but none is in the hardware catalog (amd gfx1100 at 0000:00:00.0); add the product "
                + "to rules/hardware/*.yaml or use --host FILE"), MissingGpus.problem(v));
        GpuDevice nothingKnown = new GpuDevice(3, "amd", null, 0, null, null, 0, null, null, null);
        assertEquals("amd GPU 3, no device id, target or bus address read", nothingKnown.label());
    }

    @Test
    void emptyMachineSaysWhereItLooked() {
        HostView v = detect(false);
        assertTrue(v.devices().isEmpty());
        assertTrue(v.groups().isEmpty());
        String error = view(v, "host").error();
        assertTrue(error.contains("no KFD topology at /sys/class/kfd/kfd/topology/nodes: the amdgpu driver is not loaded"),
                error);
        assertTrue(error.contains("amd-smi is not on PATH; rocm-smi is not on PATH"), error);
        assertTrue(error.contains("nvidia-smi is not on PATH"), error);
        assertTrue(MissingGpus.problem(v).orElseThrow().startsWith("no GPU found on this machine ("));
    }

    @Test
    void unreadableKfdNodeIsReportedInTheHostView() throws Exception {
        ProbeFixtures.kfd(root, "amd/kfd-topology-8xMI210-xgmi-pcie/nodes");
        ProbeFixtures.amdDeviceNodes(root, 128, 8);
        // The PCI bus sees the 8 cards too, but KFD stays the source: it is the one that sees partitions.
        for (int bus : List.of(0x63, 0x43, 0x03, 0x26, 0xe3, 0xc3, 0x83, 0xa3)) {
            Path pci = root.resolve(String.format("sys/bus/pci/devices/0000:%02x:00.0", bus));
            ProbeFixtures.write(pci.resolve("vendor"), "0x1002\n");
            ProbeFixtures.write(pci.resolve("device"), "0x740f\n");
            ProbeFixtures.write(pci.resolve("class"), "0x038000\n");
        }
        Path props = root.resolve(ProbeFixtures.KFD_NODES).resolve("3/properties");
        Files.delete(props);
        Files.createDirectory(props);
        HostView v = detect(false);
        assertEquals(7, v.groups().get(0).host());
        assertEquals("sysfs KFD topology + memory from the hardware catalog", view(v, "host").source());
        assertEquals("cannot read /sys/class/kfd/kfd/topology/nodes/3/properties: it is a folder, expected a file",
                view(v, "host").error());
    }

    @Test
    void failingToolIsReportedButDoesNotHideWhatOthersFound() {
        ProbeFixtures.kfd(root, "amd/kfd-topology-8xMI210-xgmi-pcie/nodes");
        ProbeFixtures.amdDeviceNodes(root, 128, 8);
        ProbeFixtures.tool(bin, "amd-smi", "echo 'garbage'");
        HostView v = detect(false);
        assertEquals(8, v.groups().get(0).host());
        assertEquals("amd-smi printed no JSON: garbage; rocm-smi is not on PATH", view(v, "host").error());
    }

    @Test
    void hangingToolCostsOnlyItsTimeout() {
        ProbeFixtures.kfd(root, "amd/kfd-topology-8xMI210-xgmi-pcie/nodes");
        ProbeFixtures.tool(bin, "nvidia-smi", "exec /bin/sleep 60");
        long start = System.nanoTime();
        HostView v = new Detection(CATALOG, root, ProbeFixtures.env(bin), Duration.ofMillis(400)).detect(false);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 3000, "took " + ms + " ms");
        assertEquals("nvidia-smi did not finish within 0.4 s; stopped it", view(v, "host").error());
        assertEquals(8, v.devices().size());
    }

    @Test
    void probeStuckBeyondItsOwnTimeoutIsAbandoned() {
        GpuProbe<HostReading> stuck = new GpuProbe<>() {
            public String name() {
                return "stuck";
            }

            public Duration timeout() {
                return Duration.ofMillis(100);
            }

            public HostReading probe() {
                // Like a sysfs read that blocks in the kernel: ignores interruption.
                long until = System.nanoTime() + 10_000_000_000L;
                while (System.nanoTime() < until) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException ignored) {
                        // keep blocking
                    }
                }
                return new HostReading("stuck", List.of());
            }
        };
        long start = System.nanoTime();
        HostView v = new Detection(CATALOG, List.of(stuck), visibility(), null).detect(false);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 5000, "took " + ms + " ms");
        assertEquals("stuck did not finish within 0.1 s; gave up on it", view(v, "host").error());
    }

    @Test
    void probeThatCrashesIsAnErrorNotACrash() {
        GpuProbe<HostReading> broken = new GpuProbe<>() {
            public String name() {
                return "broken";
            }

            public Duration timeout() {
                return Duration.ofSeconds(1);
            }

            public HostReading probe() {
                throw new IllegalStateException("boom");
            }
        };
        HostView v = new Detection(CATALOG, List.of(broken), visibility(), null).detect(false);
        assertEquals("broken failed: java.lang.IllegalStateException: boom", view(v, "host").error());
    }

    @Test
    void engineProbeFailureLeavesTheContainerCountAndSaysWhy() {
        h200Machine();
        HostView v = detect(true);
        assertFalse(v.engineProbed());
        assertEquals(1, v.groups().get(0).engine());
        assertEquals("python3 is not on PATH", view(v, "engine").error());
        assertEquals("assumed equal to the container (the engine probe failed)", view(v, "engine").source());
    }

    @Test
    void engineCountingMoreThanTheContainerIsReported() {
        h200Machine();
        ProbeFixtures.tool(bin, "python3", "echo 'device_count 2'");
        HostView v = detect(true);
        assertEquals(1, v.groups().get(0).engine());
        assertTrue(view(v, "engine").error().startsWith("torch counts 2 devices but the container view has 1"));
    }

    @Test
    void engineProbeRunsInParallelWithTheOthers() {
        ProbeFixtures.kfd(root, "amd/kfd-topology-8xMI210-xgmi-pcie/nodes");
        ProbeFixtures.amdDeviceNodes(root, 128, 8);
        ProbeFixtures.tool(bin, "nvidia-smi", "/bin/sleep 1; exit 1");
        ProbeFixtures.tool(bin, "python3", "/bin/sleep 1; echo 'device_count 8'");
        long start = System.nanoTime();
        HostView v = detect(true);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(8, v.groups().get(0).engine());
        assertTrue(ms < 1900, "two 1 s probes took " + ms + " ms together");
    }

    private GpuProbe<Visibility> visibility() {
        return new VisibilityProbe(root, Map.of(), Duration.ofSeconds(1));
    }
}
