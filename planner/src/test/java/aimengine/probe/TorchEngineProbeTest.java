package aimengine.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchEngineProbeTest {
    @TempDir
    Path bin;

    private EngineReading run() throws ProbeException {
        return new TorchEngineProbe(new ToolRunner(ProbeFixtures.env(bin)), Duration.ofSeconds(5)).probe();
    }

    @Test
    void capturedH200Answer() throws Exception {
        ProbeFixtures.catTool(bin, "python3", ProbeFixtures.fixture("nvidia/h200-1x-captured/torch-probe.out"));
        EngineReading r = run();
        assertEquals(1, r.deviceCount());
        assertEquals("torch 2.11.0+cu130, CUDA 13.0", r.torch());
    }

    @Test
    void capturedAnswerWithEveryDeviceHidden() throws Exception {
        ProbeFixtures.catTool(bin, "python3", ProbeFixtures.fixture("nvidia/h200-1x-captured/torch-probe-hidden.out"));
        assertEquals(0, run().deviceCount());
    }

    @Test
    void runsTheScriptWithPythonC() throws Exception {
        Path args = bin.resolve("args");
        ProbeFixtures.tool(bin, "python3", "printf '%s' \"$2\" > '" + args + "'; echo 'device_count 2'");
        assertEquals(2, run().deviceCount());
        assertEquals(TorchEngineProbe.SCRIPT, ProbeFixtures.read(args));
    }

    @Test
    void missingTorchIsAnError() {
        ProbeFixtures.tool(bin, "python3", "echo \"error ModuleNotFoundError: No module named 'torch'\"; exit 3");
        ProbeException e = assertThrows(ProbeException.class, this::run);
        assertEquals("python3 cannot import torch: ModuleNotFoundError: No module named 'torch'", e.getMessage());
    }

    @Test
    void garbageIsAnError() {
        ProbeFixtures.tool(bin, "python3", "echo 'hello'");
        assertEquals("python3 printed no device count: hello",
                assertThrows(ProbeException.class, this::run).getMessage());
    }

    @Test
    void missingPythonIsAbsent() {
        assertTrue(assertThrows(ProbeException.class, this::run).absent());
    }
}
