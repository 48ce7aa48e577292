package aimengine.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.engine.EngineVersions;
import org.junit.jupiter.api.Test;

/** The small computations the trust rules call: pattern matching, version ranges. */
class TrustFactsTest {

    @Test
    void wildcardsMatchAnyRunIncludingSlashesAndHubIdsIgnoreCase() {
        assertTrue(Wildcard.matches("meta-llama/*", "Meta-Llama/Llama-3.1-8B-Instruct", true));
        assertTrue(Wildcard.matches("*", "org/name", true));
        assertTrue(Wildcard.matches("Qwen/Qwen3-*-FP8", "qwen/qwen3-32b-fp8", true));
        assertTrue(Wildcard.matches("/models/*", "/models/a/b", false));
        assertFalse(Wildcard.matches("meta-llama/*", "meta-llama-evil/x", true));
        assertFalse(Wildcard.matches("Qwen/Qwen3-32B", "Qwen/Qwen3-32B-FP8", true));
        assertFalse(Wildcard.matches("/models/*", "/Models/a", false));
    }

    @Test
    void sourcesMatchOnlyTheirKind() {
        ModelSource local = new ModelSource("/models/x", ModelSource.LOCAL, "/models/x", null);
        assertTrue(new AllowedSource("local", "/models/*", "f:1").allows(local));
        assertFalse(new AllowedSource("hub", "*", "f:1").allows(local));
    }

    @Test
    void versionsCompareAsReleaseNumbers() {
        assertTrue(EngineVersions.compare("0.10.1", "0.9.2") > 0);
        assertEquals(0, EngineVersions.compare("v0.14.0", "0.14"));
        assertEquals(0, EngineVersions.compare("0.5.10.post1", "0.5.10"));
        assertTrue(EngineVersions.compare("0.13.0+rocm7", "0.14.0") < 0);
        assertFalse(EngineVersions.valid("main"));
    }

    @Test
    void anAdvisoryRangeIncludesFromAndExcludesBefore() {
        Advisory a = new Advisory("CVE-2026-22807", "vllm", "0.10.1", "0.14.0", Advisory.AUTO_MAP, true, "s", "f:1");
        assertTrue(a.affects("0.10.1"));
        assertTrue(a.affects("v0.13.9"));
        assertFalse(a.affects("0.10.0"));
        assertFalse(a.affects("0.14.0"));
    }
}
