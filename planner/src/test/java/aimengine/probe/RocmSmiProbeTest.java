package aimengine.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocmSmiProbeTest {
    @TempDir
    Path bin;

    private HostReading run() throws ProbeException {
        return new RocmSmiProbe(new ToolRunner(ProbeFixtures.env(bin)), Duration.ofSeconds(5)).probe();
    }

    @Test
    void rocm5SixMi100ReadsTheGpuIdNotTheCardModel() throws Exception {
        ProbeFixtures.catTool(bin, "rocm-smi", ProbeFixtures.fixture("amd/rocm-smi-json_6xMI100_rocm5.7.1_telegraf.json"));
        HostReading r = run();
        assertEquals(6, r.gpus().size());
        assertEquals(List.of("0000:1e:00.0", "0000:22:00.0", "0000:3f:00.0", "0000:43:00.0", "0000:46:00.0",
                "0000:49:00.0"), r.gpus().stream().map(g -> g.device().busAddress()).toList());
        for (ProbedGpu g : r.gpus()) {
            assertEquals(0x738c, g.device().pciDeviceId(), "'Card model' 0x0c34 is the subsystem id on ROCm 5");
            assertEquals(32752, g.device().vramMiB());
            assertNull(g.device().llvmTarget());
            assertNull(g.device().uuid(), "Unique ID is N/A");
        }
    }

    @Test
    void rocm6Mi250GcdReadsTheDeviceIdAndConvertsTheDecimalGfxVersion() throws Exception {
        ProbeFixtures.catTool(bin, "rocm-smi",
                ProbeFixtures.fixture("amd/rocm-smi-a-json_1xMI250-GCD_rocm6-driver6.2.4_wandb-go-test.json"));
        HostReading r = run();
        assertEquals(1, r.gpus().size());
        GpuDevice d = r.gpus().get(0).device();
        assertEquals(0x740c, d.pciDeviceId());
        assertEquals("gfx90a", d.llvmTarget(), "'gfx9010' is 9, 0, 10");
        assertEquals("0000:29:00.0", d.busAddress());
        assertEquals("GPU-1f9de0957d137942", d.uuid());
        assertEquals(0, d.vramMiB(), "rocm-smi -a printed no VRAM total on that host");
    }

    @Test
    void rocm6ProductNameAloneIdentifiesTheGpuByCardModelBesideSubsystemId() throws Exception {
        ProbeFixtures.catTool(bin, "rocm-smi", ProbeFixtures.fixture("derived/rocm-smi-showproductname-json_1xMI250-GCD_rocm6.json"));
        GpuDevice d = run().gpus().get(0).device();
        assertEquals(0x740c, d.pciDeviceId(), "ROCm 6 'Card Model' is the device id when 'Subsystem ID' is separate");
        assertEquals("gfx90a", d.llvmTarget());
        assertEquals("mi250", new DeviceIdentifier(ProbeFixtures.catalog()).identify(List.of(d)).get(0).product());
    }

    @Test
    void rocm5CardModelIsNeverTakenForTheDeviceId() throws Exception {
        ProbeFixtures.tool(bin, "rocm-smi", "echo '{\"card0\": {\"Card series\": \"Arcturus GL-XL [Instinct MI100]\", "
                + "\"Card model\": \"0x0c34\"}}'");
        assertEquals(0, run().gpus().get(0).device().pciDeviceId());
    }

    @Test
    void decimalGfxVersionsBecomeLlvmNames() {
        assertEquals("gfx90a", LlvmTargets.fromRocmSmi("gfx9010"));
        assertEquals("gfx942", LlvmTargets.fromRocmSmi("gfx942"));
        assertEquals("gfx950", LlvmTargets.fromRocmSmi("gfx950"));
        assertEquals("gfx908", LlvmTargets.fromRocmSmi("gfx908"));
        assertEquals("gfx1100", LlvmTargets.fromRocmSmi("gfx1100"));
        assertEquals("gfx90a", LlvmTargets.fromRocmSmi("gfx90a"));
        assertNull(LlvmTargets.fromRocmSmi("N/A"));
    }

    @Test
    void noJsonDataWarningIsAnError() {
        ProbeFixtures.tool(bin, "rocm-smi", "echo 'WARNING: No JSON data to report'; exit 0");
        ProbeException e = assertThrows(ProbeException.class, this::run);
        assertEquals("rocm-smi printed no JSON: WARNING: No JSON data to report", e.getMessage());
    }

    @Test
    void listInsteadOfCardsIsAnError() {
        ProbeFixtures.tool(bin, "rocm-smi", "echo '[1, 2]'");
        assertTrue(assertThrows(ProbeException.class, this::run).getMessage().startsWith("rocm-smi --json printed a list"));
    }

    @Test
    void fallbackUsesRocmSmiWhenAmdSmiIsMissing() throws Exception {
        ProbeFixtures.catTool(bin, "rocm-smi", ProbeFixtures.fixture("amd/rocm-smi-json_6xMI100_rocm5.7.1_telegraf.json"));
        HostReading r = fallback().probe();
        assertEquals("rocm-smi --json", r.source());
        assertEquals(6, r.gpus().size());
        assertTrue(r.problems().isEmpty(), "a missing amd-smi is not a problem");
    }

    @Test
    void fallbackKeepsAmdSmisFailureAsAProblem() throws Exception {
        ProbeFixtures.tool(bin, "amd-smi", "echo '{\"gpu_data\": [' ; exit 0");
        ProbeFixtures.catTool(bin, "rocm-smi", ProbeFixtures.fixture("amd/rocm-smi-json_6xMI100_rocm5.7.1_telegraf.json"));
        HostReading r = fallback().probe();
        assertEquals(6, r.gpus().size());
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).startsWith("amd-smi printed invalid JSON"), r.problems().get(0));
    }

    @Test
    void fallbackIsNotAskedWhenAmdSmiAnswers() throws Exception {
        ProbeFixtures.catTool(bin, "amd-smi", AmdSmiProbeTest.STATIC_7X);
        ProbeFixtures.tool(bin, "rocm-smi", "exit 99");
        assertEquals("amd-smi static --json", fallback().probe().source());
    }

    @Test
    void bothMissingIsAbsent() {
        ProbeException e = assertThrows(ProbeException.class, () -> fallback().probe());
        assertTrue(e.absent());
        assertEquals("amd-smi is not on PATH; rocm-smi is not on PATH", e.getMessage());
    }

    private FallbackProbe fallback() {
        ToolRunner runner = new ToolRunner(ProbeFixtures.env(bin));
        return new FallbackProbe(new AmdSmiProbe(runner, Duration.ofSeconds(5)), new RocmSmiProbe(runner, Duration.ofSeconds(5)));
    }
}
