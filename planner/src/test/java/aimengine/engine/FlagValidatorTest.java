package aimengine.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.hardware.Backend;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlagValidatorTest {
    private final FlagCatalogs catalogs = FlagCatalogs.builtin();
    private final FlagValidator vllm = new FlagValidator(catalogs.newest(Backend.VLLM), catalogs);

    @Test
    void acceptsKnownFlagsInAnySpelling() {
        assertEquals(Optional.empty(), vllm.check("--max-model-len", "8192"));
        assertEquals(Optional.empty(), vllm.check("--max_model_len", "8192"));
        assertEquals(Optional.empty(), vllm.check("--dtype", "bfloat16"));
        assertEquals(Optional.empty(), vllm.check("--no-enforce-eager", null));
    }

    @Test
    void switchesTakeTrueFalseOrNothing() {
        assertEquals(Optional.empty(), vllm.check("--enforce-eager", null));
        assertEquals(Optional.empty(), vllm.check("--enforce-eager", ""));
        assertEquals(Optional.empty(), vllm.check("--enforce-eager", "TRUE"));
        assertEquals(Optional.empty(), vllm.check("--enforce-eager", "false"));
        assertEquals("--enforce-eager is a switch of vllm v0.19.0 and takes no value; write true (or nothing) to set it,"
                + " false to leave it out, not 'yes'", vllm.check("--enforce-eager", "yes").orElseThrow());
    }

    @Test
    void valueFlagsNeedAValueFromTheirChoices() {
        assertEquals("--max-model-len needs a value (vllm v0.19.0)", vllm.check("--max-model-len", null).orElseThrow());
        String bad = vllm.check("--dtype", "fp8").orElseThrow();
        assertTrue(bad.startsWith("invalid value 'fp8' for --dtype (vllm v0.19.0 accepts auto, bfloat16"), bad);
    }

    @Test
    void unknownFlagsNameTheVersionTheLastOneHavingItAndAGuess() {
        assertEquals("--swap-space is not a flag of vllm v0.19.0 (last seen in v0.16.0)",
                vllm.check("--swap-space", "4").orElseThrow());
        assertEquals("--max-modle-len is not a flag of vllm v0.19.0; did you mean --max-model-len?",
                vllm.check("--max-modle-len", "1").orElseThrow());
    }

    @Test
    void checksAgainstTheChosenVersion() {
        FlagValidator old = new FlagValidator(catalogs.version(Backend.VLLM, "0.16.0").orElseThrow(), catalogs);
        assertEquals(Optional.empty(), old.check("--swap-space", "4"));
    }

    @Test
    void refusesNul() {
        assertTrue(vllm.check("--served-model-name", "a\0b").orElseThrow().contains("NUL"));
    }
}
