package aimengine.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AmdSmiProbeTest {
    static final Path STATIC_7X = ProbeFixtures.fixture("amd/amd-smi-static-json_8xMI300X_rocm7.2.1_root_dell-ai.json");

    @TempDir
    Path bin;

    private HostReading run() throws ProbeException {
        return new AmdSmiProbe(new ToolRunner(ProbeFixtures.env(bin)), Duration.ofSeconds(5)).probe();
    }

    private void prints(String output) {
        Path file = bin.resolve("amd-smi.out");
        ProbeFixtures.write(file, output);
        ProbeFixtures.catTool(bin, "amd-smi", file);
    }

    @Test
    void rocm7GpuDataShapeOfEightMi300x() throws Exception {
        ProbeFixtures.catTool(bin, "amd-smi", STATIC_7X);
        HostReading r = run();
        assertEquals(8, r.gpus().size());
        List<String> buses = r.gpus().stream().map(g -> g.device().busAddress()).toList();
        assertEquals(List.of("0000:1b:00.0", "0000:3d:00.0", "0000:4e:00.0", "0000:5f:00.0", "0000:9d:00.0",
                "0000:bd:00.0", "0000:cd:00.0", "0000:dd:00.0"), buses);
        for (ProbedGpu g : r.gpus()) {
            assertEquals(0x74a1, g.device().pciDeviceId());
            assertEquals("gfx942", g.device().llvmTarget());
            assertEquals(196592, g.device().vramMiB());
        }
        assertEquals(7, r.gpus().get(7).device().index());
    }

    @Test
    void preRocm7BareListShape() throws Exception {
        // The bare list is what amd-smi printed before ROCm 7: the same entries without the gpu_data wrapper.
        ObjectMapper json = new ObjectMapper();
        prints(json.writeValueAsString(json.readTree(STATIC_7X.toFile()).get("gpu_data")));
        HostReading r = run();
        assertEquals(8, r.gpus().size());
        assertEquals(196592, r.gpus().get(3).device().vramMiB());
    }

    @Test
    void textBannerBeforeTheJsonIsSkipped() throws Exception {
        prints("WARNING: User is missing the following required groups: render, video.\n"
                + ProbeFixtures.read(STATIC_7X));
        assertEquals(8, run().gpus().size());
    }

    @Test
    void notAvailableValuesLeaveTheFieldUnknown() throws Exception {
        String text = ProbeFixtures.read(STATIC_7X)
                .replace("\"device_id\": \"0x74a1\"", "\"device_id\": \"N/A\"")
                .replace("\"target_graphics_version\": \"gfx942\"", "\"target_graphics_version\": \"N/A\"")
                .replace("\"bdf\": \"0000:1b:00.0\"", "\"bdf\": \"N/A\"");
        prints(text.replaceFirst("\"size\": \\{\\s*\"value\": 196592,\\s*\"unit\": \"MB\"\\s*}", "\"size\": \"N/A\""));
        GpuDevice d = run().gpus().get(0).device();
        assertEquals(0, d.pciDeviceId());
        assertNull(d.llvmTarget());
        assertNull(d.busAddress());
        assertEquals(0, d.vramMiB());
    }

    @Test
    void olderSizeSpellingsAreRead() throws Exception {
        prints("[{\"gpu\": 0, \"asic\": {\"device_id\": \"0x740f\", \"target_graphics_version\": \"gfx90a:sramecc+:xnack-\"},"
                + " \"bus\": {\"bdf\": \"0000:63:00.0\"}, \"vram\": {\"size\": \"65520 MB\"}},"
                + " {\"gpu\": 1, \"asic\": {\"device_id\": \"0x740f\"}, \"vram\": {\"vram_size\": 65520}}]");
        HostReading r = run();
        assertEquals("gfx90a", r.gpus().get(0).device().llvmTarget());
        assertEquals(65520, r.gpus().get(0).device().vramMiB());
        assertEquals(65520, r.gpus().get(1).device().vramMiB());
    }

    @Test
    void partitionModeIsTakenWhenPrinted() throws Exception {
        prints("{\"gpu_data\": [{\"gpu\": 0, \"asic\": {\"device_id\": \"0x74a1\"}, \"bus\": {\"bdf\": \"0000:05:00.0\"},"
                + " \"partition\": {\"compute_partition\": \"cpx\", \"memory_partition\": \"NPS1\"}}]}");
        assertEquals("CPX", run().gpus().get(0).device().partition());
    }

    @Test
    void truncatedJsonIsAnErrorNamingTheTool() {
        String text = ProbeFixtures.read(STATIC_7X);
        prints(text.substring(0, text.length() / 2));
        ProbeException e = assertThrows(ProbeException.class, this::run);
        assertFalse(e.absent());
        assertTrue(e.getMessage().startsWith("amd-smi printed invalid JSON at line "), e.getMessage());
    }

    @Test
    void garbageIsAnError() {
        prints("Segmentation fault\n");
        ProbeException e = assertThrows(ProbeException.class, this::run);
        assertEquals("amd-smi printed no JSON: Segmentation fault", e.getMessage());
    }

    @Test
    void objectWithoutGpuDataIsAnError() {
        prints("{\"error\": \"AMDSMI_STATUS_NO_PERM\"}");
        ProbeException e = assertThrows(ProbeException.class, this::run);
        assertTrue(e.getMessage().contains("without 'gpu_data'"), e.getMessage());
    }

    @Test
    void nonZeroExitIsAnError() {
        ProbeFixtures.tool(bin, "amd-smi", "echo 'AMDSMI_STATUS_DRIVER_NOT_LOADED' >&2; exit 1");
        ProbeException e = assertThrows(ProbeException.class, this::run);
        assertEquals("amd-smi exited with status 1: AMDSMI_STATUS_DRIVER_NOT_LOADED", e.getMessage());
    }

    @Test
    void missingToolIsAbsent() {
        assertTrue(assertThrows(ProbeException.class, this::run).absent());
    }

    @Test
    void hangIsStoppedAtTheTimeout() {
        ProbeFixtures.tool(bin, "amd-smi", "exec /bin/sleep 60");
        long start = System.nanoTime();
        ProbeException e = assertThrows(ProbeException.class,
                () -> new AmdSmiProbe(new ToolRunner(ProbeFixtures.env(bin)), Duration.ofMillis(300)).probe());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 3000);
        assertEquals("amd-smi did not finish within 0.3 s; stopped it", e.getMessage());
    }
}
