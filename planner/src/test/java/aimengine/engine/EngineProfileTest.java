package aimengine.engine;

import aimengine.generate.EngineCommand;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineProfileTest {
    private static final FlagCatalogs CATALOGS = FlagCatalogs.builtin();

    /** A profile that names a flag its engine does not have would generate commands the engine refuses. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void everyFlagAProfileNamesIsInItsEnginesNewestCatalog(Backend b) {
        EngineProfile p = b.profile();
        FlagCatalog newest = CATALOGS.newest(b);
        for (EngineSetting s : EngineSetting.values()) {
            for (String name : p.names(s)) {
                assertTrue(newest.find(name).isPresent(), b + " " + s + ": " + name + " not in " + newest.label());
            }
        }
        p.secretFlags().forEach(f -> assertTrue(newest.find(f).isPresent(), f));
        if (p.serving().metricsFlag() != null) {
            assertTrue(newest.find(p.serving().metricsFlag()).map(FlagSpec::isSwitch).orElse(false));
        }
        if (p.modelFlag() != null) {
            assertEquals(EngineSetting.MODEL, p.setting(p.modelFlag()).orElseThrow());
        }
    }

    @Test
    void aimEngineOwnsModelParallelismPortAndHostInEverySpelling() {
        EngineProfile sglang = Backend.SGLANG.profile();
        for (String f : List.of("--model-path", "--model", "--tp_size", "--tensor-parallel-size", "--port", "--host")) {
            assertTrue(sglang.isSystemFlag(f), f);
        }
        assertTrue(Backend.VLLM.profile().isSystemFlag("-tp"));
        assertFalse(Backend.VLLM.profile().isSystemFlag("--max-model-len"));
        assertEquals(EngineSetting.CONTEXT_LENGTH, Backend.VLLM.profile().setting("--max_model_len").orElseThrow());
        assertTrue(Backend.VLLM.profile().setting("--context-length").isEmpty());
    }

    @Test
    void theCommandStartsTheWayEachEngineIsLaunched() {
        assertEquals(List.of("vllm", "serve", "m"), Backend.VLLM.profile().launch("m"));
        assertEquals(List.of("python3", "-m", "sglang.launch_server", "--model-path", "m"), Backend.SGLANG.profile().launch("m"));
        assertEquals("sglang", Backend.SGLANG.profile().pythonModule().orElseThrow());
        assertTrue(Backend.VLLM.profile().pythonModule().isEmpty());
    }

    @Test
    void secretsAreMaskedWhenShownButReachTheEngine() {
        EngineCommand c = new EngineCommand(Backend.VLLM, List.of("vllm", "serve", "m", "--api-key", "sk-1",
                "--hf_token=hf_2", "--port", "8000"), Map.of("HF_TOKEN", "hf_3", "A", "b"));
        EngineCommand shown = c.shown();
        assertEquals(List.of("vllm", "serve", "m", "--api-key", "***", "--hf_token=***", "--port", "8000"), shown.argv());
        assertEquals(Map.of("HF_TOKEN", "***", "A", "b"), shown.env());
        assertEquals("sk-1", c.argv().get(4));
    }

    @Test
    void aCommandWithoutSecretsIsShownAsItIs() {
        EngineCommand c = new EngineCommand(Backend.SGLANG, List.of("python3", "-m", "sglang.launch_server",
                "--model-path", "api-key"), Map.of("VLLM_API_KEY", "x"));
        assertEquals(c, c.shown());
    }
}
