package aimengine.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.hardware.HardwareCatalog;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostProfileWriterTest {
    private static final HardwareCatalog CATALOG = ProbeFixtures.catalog();

    @TempDir
    Path dir;

    private HostView detected(Path root, boolean engine, String... env) {
        return new Detection(CATALOG, root, ProbeFixtures.env(root.resolve("bin"), env), Duration.ofSeconds(5))
                .detect(engine);
    }

    private HostView roundTrip(HostView view) {
        Path file = dir.resolve("host.yaml");
        new HostProfileWriter().write(view, file);
        return new HostProfile(CATALOG).read(file);
    }

    @Test
    void mi300xCpxTreeReadsBackToTheSameGroups() {
        Path root = ProbeFixtures.kfd(dir.resolve("root"), "amd/kfd-topology-8xMI300X-cpx-64partitions/topology/nodes");
        ProbeFixtures.amdDeviceNodes(root, 128, 64);
        HostView view = detected(root, false, "HIP_VISIBLE_DEVICES", "0,1,2,3,4,5,6,7");
        assertEquals(List.of(new GpuGroup("mi300x", "amd", "gfx942", 24574, 63, 8, 8)), view.groups());
        HostView back = roundTrip(view);
        assertEquals(view.groups(), back.groups());
        assertFalse(back.engineProbed());
    }

    @Test
    void measuredEngineCountIsWrittenAndReadBack() throws Exception {
        Path root = dir.resolve("root");
        Path h200 = ProbeFixtures.fixture("nvidia/h200-1x-captured");
        ProbeFixtures.pciFromListing(root, h200.resolve("pci-gpus.out"));
        ProbeFixtures.devFromListing(root, h200.resolve("dev-ls.out"));
        Files.createDirectories(root.resolve("bin"));
        ProbeFixtures.catTool(root.resolve("bin"), "nvidia-smi", ProbeFixtures.fixture("derived/nvidia-smi-query_1xH200.csv"));
        ProbeFixtures.tool(root.resolve("bin"), "python3", "echo 'device_count 0'");
        HostView view = detected(root, true);
        assertEquals(List.of(new GpuGroup("h200", "nvidia", "sm_90", 143771, 1, 1, 0)), view.groups());
        HostView back = roundTrip(view);
        assertEquals(view.groups(), back.groups());
        assertTrue(back.engineProbed());
        assertTrue(Files.readString(dir.resolve("host.yaml")).contains("engine_visible: 0"));
    }

    @Test
    void replacesAnExistingFileWhole() throws Exception {
        Path file = dir.resolve("host.yaml");
        Files.writeString(file, "x".repeat(10_000));
        HostView view = new HostView("probes", List.of(new GpuGroup("mi210", "amd", "gfx90a", 65520, 2, 2, 2)),
                List.of(), List.of(), false);
        new HostProfileWriter().write(view, file);
        assertEquals(new HostProfileWriter().text(view), Files.readString(file));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void unwritableTargetFailsWithoutLeavingAnything() throws Exception {
        HostView view = new HostView("probes", List.of(new GpuGroup("mi210", "amd", "gfx90a", 65520, 2, 2, 2)),
                List.of(), List.of(), false);
        Path file = dir.resolve("missing-folder/host.yaml");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new HostProfileWriter().write(view, file));
        assertTrue(e.getCause().getMessage().startsWith("cannot write host profile " + file), e.getCause().getMessage());
        Path folderInPlace = dir.resolve("taken");
        Files.createDirectories(folderInPlace.resolve("child"));
        assertThrows(UncheckedIOException.class, () -> new HostProfileWriter().write(view, folderInPlace));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(folderInPlace), left.toList());
        }
    }

    @Test
    void unknownDevicesAreNamedInACommentNotWritten() {
        GpuDevice t4 = new GpuDevice(1, "nvidia", null, 0x1eb8, "0000:00:1e.0", "sm_75", 15360, null, "0000:00:1e", null);
        HostView view = new HostView("probes", List.of(new GpuGroup("h100", "nvidia", "sm_90", 81559, 1, 1, 1)),
                List.of(t4), List.of(), false);
        String text = new HostProfileWriter().text(view);
        assertTrue(text.contains("# left out, not in the hardware catalog: nvidia 0x1eb8 sm_75 at 0000:00:1e.0\n"), text);
    }

    @Test
    void nothingToWriteIsRefused() {
        HostView empty = new HostView("probes", List.of(), List.of(), List.of(), false);
        assertThrows(IllegalArgumentException.class, () -> new HostProfileWriter().text(empty));
    }
}
