package aimengine.cli.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.probe.ProbeException;
import aimengine.probe.ToolRunner;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The GPU readers on real captures and on a sysfs tree built from the kernel documentation (SOURCES.md). */
class GpuReadersTest {
    private static final double MIB = 1024.0 * 1024.0;

    @TempDir
    Path dir;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(GpuReadersTest.class.getResource(name).toURI());
    }

    @Test
    void amdgpuSysfsReadsEveryAmdCardAndLeavesOutWhatItCannotRead() throws Exception {
        List<GpuReading> r = new AmdSysfsGpuReader(fixture("amdgpu-sysfs")).read();
        assertEquals(2, r.size(), "card1-DP-1 is a connector and card2 an NVIDIA device");
        GpuReading mi300x = r.get(0);
        assertEquals("0000:0c:00.0", mi300x.busId());
        assertEquals("0x74a1", mi300x.product());
        assertEquals(0.37, mi300x.busyRatio());
        assertEquals(17985175552.0, mi300x.memoryUsedBytes());
        assertEquals(206141652992.0, mi300x.memoryTotalBytes());
        assertEquals(Map.of("junction", 41.0, "memory", 35.0), mi300x.temperatures());
        assertEquals(139.0, mi300x.powerWatts(), "power1_input in microwatts");
        GpuReading mi210 = r.get(1);
        assertNull(mi210.memoryUsedBytes(), "garbage in mem_info_vram_used is absent, not zero");
        assertEquals(0.0, mi210.busyRatio(), "an idle GPU reads 0");
        assertEquals(Map.of("edge", 33.0, "junction", 36.0, "memory", 48.0), mi210.temperatures());
        assertEquals(41.0, mi210.powerWatts(), "power1_average");
    }

    @Test
    void amdgpuSysfsIsNotPresentWithoutAmdCards() {
        assertTrue(!new AmdSysfsGpuReader(dir).present());
        assertThrows(ProbeException.class, () -> new AmdSysfsGpuReader(dir).read());
    }

    @Test
    void amdSmiGpuDataFormWithNotAvailableValues() throws Exception {
        List<GpuReading> r = AmdSmiGpuReader.parse(Files.readString(fixture("amd-smi-metric-rx7800xt.json")));
        assertEquals(1, r.size());
        assertEquals(0.02, r.get(0).busyRatio());
        assertEquals(14569 * MIB, r.get(0).memoryUsedBytes());
        assertEquals(16368 * MIB, r.get(0).memoryTotalBytes());
        assertEquals(Map.of("junction", 41.0), r.get(0).temperatures(), "edge and mem are N/A: absent");
        assertNull(r.get(0).powerWatts(), "socket_power N/A: absent");
    }

    @Test
    void amdSmiListFormAfterAWarningLine() throws Exception {
        String out = "WARNING: User is missing the following required groups: render, video.\n"
                + Files.readString(fixture("amd-smi-metric-u-w7700.json"));
        List<GpuReading> r = AmdSmiGpuReader.parse(out);
        assertEquals(0.42, r.get(0).busyRatio());
        assertNull(r.get(0).memoryUsedBytes(), "-u prints no memory: absent");
    }

    @Test
    void nvidiaSmiCapturedQueryWithUnitsAndOtherColumns() throws Exception {
        List<GpuReading> r = NvidiaSmiGpuReader.parse(Files.readString(fixture("nvidia-smi-query-h200.out")));
        GpuReading h200 = r.get(0);
        assertEquals(0, h200.index());
        assertEquals("NVIDIA H200", h200.product());
        assertEquals("0000:00:06.0", h200.busId());
        assertEquals(0.0, h200.busyRatio());
        assertEquals(0.0, h200.memoryUsedBytes());
        assertEquals(143771 * MIB, h200.memoryTotalBytes());
        assertEquals(Map.of("gpu", 38.0), h200.temperatures());
        assertNull(h200.powerWatts(), "power.limit is not the draw; no power.draw column: absent");
    }

    @Test
    void nvidiaSmiNotSupportedIsAbsent() throws Exception {
        List<GpuReading> r = NvidiaSmiGpuReader.parse("index, name, power.draw [W], temperature.memory\n"
                + "0, NVIDIA H100 80GB HBM3, [N/A], [Not Supported]\n");
        assertNull(r.get(0).powerWatts());
        assertEquals(Map.of(), r.get(0).temperatures());
    }

    @Test
    void garbageFromTheToolIsAFailureNotZeroes() throws Exception {
        ToolRunner tools = new ToolRunner(Map.of("PATH", tool("amd-smi", "echo 'Segmentation fault'; echo '{oops'")
                + ":" + tool("nvidia-smi", "echo 'NVIDIA-SMI has failed because it could not communicate'")));
        assertThrows(ProbeException.class, () -> new AmdSmiGpuReader(tools, Duration.ofSeconds(5)).read());
        assertThrows(ProbeException.class, () -> new NvidiaSmiGpuReader(tools, Duration.ofSeconds(5)).read());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aHungToolIsStoppedAndItsGpusAreAbsentWhileScrapesGoOn() throws Exception {
        ToolRunner tools = new ToolRunner(Map.of("PATH", tool("amd-smi", "exec /bin/sleep 600").toString()));
        GpuSampler sampler = new GpuSampler(Optional.of(new AmdSmiGpuReader(tools, Duration.ofMillis(300))),
                Duration.ofSeconds(10), System::nanoTime, id -> Optional.empty());
        sampler.sample();
        assertEquals(List.of(), sampler.readings());
        assertTrue(sampler.lastError().orElseThrow().contains("did not finish"), sampler.lastError().orElseThrow());
    }

    @Test
    void readingsOlderThanThreePeriodsAreDropped() throws Exception {
        long[] now = {0};
        GpuSampler sampler = new GpuSampler(Optional.of(new AmdSysfsGpuReader(fixture("amdgpu-sysfs"))),
                Duration.ofSeconds(10), () -> now[0], id -> id.equals("0x74a1") ? Optional.of("mi300x") : Optional.empty());
        sampler.sample();
        assertEquals("mi300x", sampler.readings().get(0).product());
        assertEquals("0x740f", sampler.readings().get(1).product(), "not in the catalog: the PCI id");
        now[0] = Duration.ofSeconds(31).toNanos();
        assertEquals(List.of(), sampler.readings());
    }

    private Path tool(String name, String script) throws IOException {
        Path bin = Files.createDirectories(dir.resolve(name + "-bin"));
        Path tool = bin.resolve(name);
        Files.writeString(tool, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }
}
