package aimengine.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import aimengine.engine.Backend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each engine gets the API key its way; what is shown or stored never holds a secret. */
class EngineCommandSecretsTest {
    private static final String KEY = "sk-0123456789abcdef";
    private static final String TOKEN = "hf_abcdefghijklmnop";
    private final EngineCommand vllm = new EngineCommand(Backend.VLLM, List.of("vllm", "serve", "m"), Map.of("A", "1"));

    @Test
    void vllmGetsTheKeyInItsEnvironmentOnly() {
        EngineCommand c = EngineAccess.protect(vllm, KEY, null);
        assertEquals(List.of("vllm", "serve", "m"), c.argv());
        assertEquals(KEY, c.env().get("VLLM_API_KEY"));
        assertEquals(Map.of("A", "1", "VLLM_API_KEY", EngineCommand.MASK), c.shown().env());
    }

    @Test
    void sglangGetsItOnItsCommandLineShownMasked() {
        EngineCommand sglang = new EngineCommand(Backend.SGLANG, List.of("python3", "-m", "sglang.launch_server"),
                Map.of());
        EngineCommand c = EngineAccess.protect(sglang, KEY, null);
        assertEquals(List.of("python3", "-m", "sglang.launch_server", "--api-key", KEY), c.argv());
        assertEquals(List.of("python3", "-m", "sglang.launch_server", "--api-key", EngineCommand.MASK),
                c.shown().argv());
        assertFalse(c.toString().contains(KEY));
    }

    @Test
    void theHuggingFaceTokenIsMaskedWhereverItAppears() {
        EngineCommand c = EngineAccess.protect(vllm.withEnv("HF_TOKEN", TOKEN).withEnv("NOTE", "token=" + TOKEN),
                null, TOKEN);
        assertEquals(Map.of("A", "1", "HF_TOKEN", EngineCommand.MASK, "NOTE", "token=" + EngineCommand.MASK),
                c.shown().env());
        assertEquals("loading with token " + EngineCommand.MASK, c.mask("loading with token " + TOKEN));
    }

    @Test
    void withoutSecretsNothingChanges() {
        EngineCommand c = EngineAccess.protect(vllm, null, null);
        assertEquals(vllm, c);
        assertEquals(vllm, c.shown());
    }
}
