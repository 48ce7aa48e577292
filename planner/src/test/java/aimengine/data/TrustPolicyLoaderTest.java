package aimengine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.facts.Advisory;
import aimengine.facts.NativeArchitectures;
import aimengine.facts.TrustPolicy;
import aimengine.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustPolicyLoaderTest {
    private final DataLoader data = new DataLoader(DataOptions.builtins());

    @Test
    void theShippedPolicyAllowsEverySourceButNoPickleAndNamesTheThreeAdvisories() {
        TrustPolicy p = data.trustPolicy(null);
        assertEquals("builtin:rules/trust.yaml", p.file());
        assertEquals("*", p.sourcesText("hub"));
        assertFalse(p.pickleAllowed());
        assertFalse(p.requireRevision());
        assertEquals(List.of("CVE-2026-22807", "CVE-2025-66448", "CVE-2025-30202"),
                p.advisories().stream().map(Advisory::id).toList());
        Advisory cve = p.advisories().get(0);
        assertTrue(cve.affects("0.13.2") && !cve.affects("0.14.0") && cve.reject());
    }

    @Test
    void theShippedArchitecturesCoverTheCatalogsModels() {
        List<NativeArchitectures> natives = data.nativeArchitectures();
        assertEquals(List.of("vllm", "sglang"), natives.stream().map(NativeArchitectures::backend).toList());
        for (String arch : List.of("LlamaForCausalLM", "Qwen3ForCausalLM", "DeepseekV3ForCausalLM", "GptOssForCausalLM",
                "MixtralForCausalLM", "Cohere2ForCausalLM")) {
            natives.forEach(n -> assertTrue(n.supportsAny(List.of(arch)), n.backend() + " " + arch));
        }
    }

    @Test
    void aPolicyFileReplacesTheShippedOne(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("p.yaml");
        Files.writeString(f, "sources:\n  hub: [Qwen/*]\n  local: []\nremote_code: [deepseek-ai/*]\npickle: true\n"
                + "require_revision: true\n");
        TrustPolicy p = data.trustPolicy(f);
        assertEquals("Qwen/*", p.sourcesText("hub"));
        assertEquals("none", p.sourcesText("local"));
        assertEquals(f + ":1 (sources)", p.sourcesAt());
        assertEquals(f + ":2 (sources.hub)", p.sourcesAt("hub"));
        assertEquals(f + ":1 (sources)", p.sourcesAt("local"));
        assertEquals(f + ":4 (remote_code)", p.remoteCodeAt());
        assertTrue(p.pickleAllowed() && p.requireRevision());
        assertEquals(List.of(), p.advisories());
    }

    @Test
    void mistakesAreReportedWithFileAndLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("p.yaml");
        Files.writeString(f, "pickle: yes\nadvisories:\n  - {id: X, engine: vllm, from: main, before: 1.0.0,"
                + " condition: sometimes, action: block, summary: s}\n");
        InputException e = assertThrows(InputException.class, () -> data.trustPolicy(f));
        String all = e.problems().toString();
        assertTrue(all.contains(f + ":1: 'pickle' must be true or false"), all);
        assertTrue(all.contains("'main' is not a version number"), all);
        assertTrue(all.contains("unknown condition 'sometimes'"), all);
        assertTrue(all.contains("unknown action 'block'"), all);
        assertThrows(InputException.class, () -> data.trustPolicy(dir.resolve("missing.yaml")));
    }
}
