package aimengine.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NvidiaSmiProbeTest {
    @TempDir
    Path bin;

    private HostReading run() throws ProbeException {
        return new NvidiaSmiProbe(new ToolRunner(ProbeFixtures.env(bin)), Duration.ofSeconds(5)).probe();
    }

    @Test
    void asksForTheDocumentedColumns() throws Exception {
        Path args = bin.resolve("args");
        ProbeFixtures.tool(bin, "nvidia-smi", "echo \"$@\" > '" + args + "'");
        run();
        assertEquals("--query-gpu=index,uuid,name,pci.bus_id,pci.device_id,memory.total,compute_cap "
                + "--format=csv,noheader,nounits\n", ProbeFixtures.read(args));
    }

    @Test
    void oneH200() throws Exception {
        ProbeFixtures.catTool(bin, "nvidia-smi", ProbeFixtures.fixture("derived/nvidia-smi-query_1xH200.csv"));
        HostReading r = run();
        assertEquals(1, r.gpus().size());
        GpuDevice d = r.gpus().get(0).device();
        assertEquals(0x2335, d.pciDeviceId(), "0x233510DE is device 0x2335 of vendor 0x10DE");
        assertEquals("0000:00:06.0", d.busAddress(), "nvidia-smi's 8-digit domain is shortened");
        assertEquals(143771, d.vramMiB());
        assertEquals("sm_90", d.llvmTarget());
        assertEquals("GPU-2c3215fb-f63a-8780-3db3-3e8f9c8df99e", d.uuid());
    }

    @Test
    void eightH100() throws Exception {
        ProbeFixtures.catTool(bin, "nvidia-smi", ProbeFixtures.fixture("derived/nvidia-smi-query_8xH100-SXM.csv"));
        HostReading r = run();
        assertEquals(8, r.gpus().size());
        assertTrue(r.gpus().stream().allMatch(g -> g.device().pciDeviceId() == 0x2330 && g.device().vramMiB() == 81559));
        assertEquals("0000:db:00.0", r.gpus().get(7).device().busAddress());
    }

    @Test
    void notAvailableFieldsAreUnknown() throws Exception {
        ProbeFixtures.tool(bin, "nvidia-smi", "echo '0, [N/A], NVIDIA H200, 00000000:00:06.0, [N/A], [N/A], [N/A]'");
        GpuDevice d = run().gpus().get(0).device();
        assertEquals(0, d.pciDeviceId());
        assertEquals(0, d.vramMiB());
        assertNull(d.llvmTarget());
        assertNull(d.uuid());
    }

    @Test
    void outputOfAnotherQueryIsRejected() {
        // The real output of a different --query-gpu with a header: twelve columns, not seven.
        ProbeFixtures.catTool(bin, "nvidia-smi", ProbeFixtures.fixture("nvidia/h200-1x-captured/nvidia-smi-query.out"));
        ProbeException e = assertThrows(ProbeException.class, this::run);
        assertTrue(e.getMessage().startsWith("nvidia-smi line 1 has 12 fields, expected 7"), e.getMessage());
    }

    @Test
    void garbageIndexIsRejected() {
        ProbeFixtures.tool(bin, "nvidia-smi", "echo 'x, a, b, c, d, e, f'");
        assertEquals("nvidia-smi line 1: index 'x' is not a number",
                assertThrows(ProbeException.class, this::run).getMessage());
    }

    @Test
    void noDevicesIsAnErrorWithTheToolsWords() {
        ProbeFixtures.tool(bin, "nvidia-smi", "echo 'No devices were found'; exit 6");
        assertEquals("nvidia-smi exited with status 6: No devices were found",
                assertThrows(ProbeException.class, this::run).getMessage());
    }
}
