package aimengine.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PciSysfsProbeTest {
    @TempDir
    Path root;

    private HostReading read() throws ProbeException {
        return new PciSysfsProbe(root, Duration.ofSeconds(5)).probe();
    }

    private void device(String address, String vendor, String device, String pciClass) {
        Path dir = root.resolve("sys/bus/pci/devices").resolve(address);
        ProbeFixtures.write(dir.resolve("vendor"), vendor + "\n");
        ProbeFixtures.write(dir.resolve("device"), device + "\n");
        ProbeFixtures.write(dir.resolve("class"), pciClass + "\n");
    }

    @Test
    void capturedH200() throws Exception {
        ProbeFixtures.pciFromListing(root, ProbeFixtures.fixture("nvidia/h200-1x-captured/pci-gpus.out"));
        HostReading r = read();
        assertEquals(1, r.gpus().size());
        GpuDevice d = r.gpus().get(0).device();
        assertEquals("nvidia", d.vendor());
        assertEquals(0x2335, d.pciDeviceId());
        assertEquals("0000:00:06.0", d.busAddress());
    }

    @Test
    void onlyAmdAndNvidiaDisplayAndAcceleratorClassesCount() throws Exception {
        device("0000:c1:00.0", "0x1002", "0x74a1", "0x120000");
        device("0000:c1:00.1", "0x1002", "0x1640", "0x040300");
        device("0000:02:00.0", "0x1a03", "0x2000", "0x030000");
        device("0000:00:00.0", "0x1022", "0x14a4", "0x060000");
        device("0000:05:00.0", "0x1002", "0x740c", "0x038000");
        Path amd = root.resolve("sys/bus/pci/devices/0000:05:00.0");
        ProbeFixtures.write(amd.resolve("mem_info_vram_total"), "68702699520\n");
        ProbeFixtures.write(amd.resolve("drm/renderD130/dev"), "226:130\n");
        HostReading r = read();
        assertEquals(List.of("0000:05:00.0", "0000:c1:00.0"), r.gpus().stream().map(g -> g.device().busAddress()).toList());
        assertEquals(65520, r.gpus().get(0).device().vramMiB());
        assertEquals(130, r.gpus().get(0).deviceMinor());
        assertEquals(List.of(0, 1), ProbeFixtures.indices(r.gpus().stream().map(ProbedGpu::device).toList()));
    }

    @Test
    void unreadableFileIsAProblemAndTheRestIsRead() throws Exception {
        device("0000:05:00.0", "0x1002", "0x740c", "0x038000");
        device("0000:06:00.0", "0x1002", "0x740c", "0x038000");
        Path vendor = root.resolve("sys/bus/pci/devices/0000:06:00.0/vendor");
        Files.delete(vendor);
        Files.createDirectory(vendor);
        HostReading r = read();
        assertEquals(1, r.gpus().size());
        assertEquals(List.of("cannot read /sys/bus/pci/devices/0000:06:00.0/vendor: it is a folder, expected a file"),
                r.problems());
    }

    @Test
    void garbageHexIsAProblem() {
        device("0000:05:00.0", "vendor?", "0x740c", "0x038000");
        ProbeException e = assertThrows(ProbeException.class, this::read);
        assertEquals("/sys/bus/pci/devices/0000:05:00.0/vendor holds 'vendor?', expected a hexadecimal number",
                e.getMessage());
    }

    @Test
    void missingBusIsAbsent() {
        assertTrue(assertThrows(ProbeException.class, this::read).absent());
    }
}
