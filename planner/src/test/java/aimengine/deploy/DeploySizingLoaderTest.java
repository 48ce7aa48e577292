package aimengine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import aimengine.data.DataLoader;
import aimengine.data.DataOptions;
import aimengine.io.InputException;
import aimengine.yaml.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploySizingLoaderTest {
    private static final String SIZING = """
            download_mib_per_second: 50
            load_mib_per_second: 2048
            engine_start_seconds: 120
            shm_gib_per_gpu: 2
            min_shm_gib: 4
            cache_headroom: 1.5
            grace_margin_seconds: 20
            """;

    @Test
    void theShippedPolicyLoads() {
        DeploySizing sizing = new DataLoader(DataOptions.builtins()).deploySizing();
        assertEquals(300, sizing.engineStartSeconds());
        assertEquals(45, sizing.terminationGraceSeconds(30));
    }

    @Test
    void aRulesFolderWithItsOwnPolicyReplacesTheShippedOne(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("deploy"));
        Files.writeString(dir.resolve("deploy/sizing.yaml"), SIZING);
        DataOptions options = new DataOptions(List.of(), true, List.of(dir), true, List.of());
        DeploySizing sizing = new DataLoader(options).deploySizing();
        assertEquals(new DeploySizing(50L << 20, 2048L << 20, 120, 2 * DeploySizing.GIB, 4 * DeploySizing.GIB, 1.5,
                20), sizing);
    }

    @Test
    void anUnknownOrMissingKeyIsBadInputWithItsLine() {
        InputException unknown = assertThrows(InputException.class, () -> new DeploySizingLoader().load("s.yaml",
                YamlDocument.parse("s.yaml", SIZING + "shm_gib_per_rank: 3\n")));
        assertEquals("s.yaml:8: unknown key 'shm_gib_per_rank' (did you mean 'shm_gib_per_gpu'?)",
                unknown.problems().get(0).toString());
        InputException missing = assertThrows(InputException.class, () -> new DeploySizingLoader().load("s.yaml",
                YamlDocument.parse("s.yaml", SIZING.replace("engine_start_seconds: 120\n", ""))));
        assertEquals("s.yaml:1: missing required key 'engine_start_seconds'", missing.problems().get(0).toString());
    }
}
