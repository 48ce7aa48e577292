package aimengine.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import aimengine.engine.Backend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each engine gets the key its way; what is shown or stored never holds a secret. */
class EngineCommandSecretsTest {
    private static final String KEY = "sk-0123456789abcdef";
    private static final String TOKEN = "hf_abcdefghijklmnop";
    private final EngineCommand base = new EngineCommand(List.of("vllm", "serve", "m"), Map.of("A", "1"));

    @Test
    void vllmGetsTheKeyInItsEnvironmentOnly() {
        EngineCommand c = EngineAccess.protect(base, Backend.VLLM, KEY, null);
        assertEquals(List.of("vllm", "serve", "m"), c.argv());
        assertEquals(KEY, c.env().get("VLLM_API_KEY"));
        assertEquals(Map.of("A", "1", "VLLM_API_KEY", EngineCommand.MASK), c.shownEnv());
    }

    @Test
    void sglangGetsItOnItsCommandLineShownMasked() {
        EngineCommand sglang = new EngineCommand(List.of("python3", "-m", "sglang.launch_server"), Map.of());
        EngineCommand c = EngineAccess.protect(sglang, Backend.SGLANG, KEY, null);
        assertEquals(List.of("python3", "-m", "sglang.launch_server", "--api-key", KEY), c.argv());
        assertEquals(List.of("python3", "-m", "sglang.launch_server", "--api-key", EngineCommand.MASK), c.shownArgv());
        assertFalse(c.toString().contains(KEY));
    }

    @Test
    void theHuggingFaceTokenIsMaskedWhereverItAppears() {
        EngineCommand c = EngineAccess.protect(base.withEnv("HF_TOKEN", TOKEN).withEnv("NOTE", "token=" + TOKEN),
                Backend.VLLM, null, TOKEN);
        assertEquals(Map.of("A", "1", "HF_TOKEN", EngineCommand.MASK, "NOTE", "token=" + EngineCommand.MASK),
                c.shownEnv());
        assertEquals("loading with --hf-token=" + EngineCommand.MASK, c.mask("loading with --hf-token=" + TOKEN));
    }

    @Test
    void withoutSecretsNothingChanges() {
        EngineCommand c = EngineAccess.protect(base, Backend.VLLM, null, null);
        assertEquals(base.argv(), c.shownArgv());
        assertEquals(base.env(), c.shownEnv());
    }
}
