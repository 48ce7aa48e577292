package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.CliRunner;
import aimengine.probe.ProbeFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without --host, plan detects the GPUs under --root (here a copy of a real 8 x MI210 KFD topology). */
class PlanDetectionTest {
    @TempDir
    Path dir;

    private CliRunner cli() throws IOException {
        Path emptyPath = Files.createDirectories(dir.resolve("bin"));
        return new CliRunner(dir.resolve("home")).env("PATH", emptyPath.toString());
    }

    @Test
    void plansForTheDetectedGpus() throws IOException {
        Path root = ProbeFixtures.kfd(dir.resolve("root"), "amd/kfd-topology-8xMI210-xgmi-pcie/nodes");
        ProbeFixtures.amdDeviceNodes(root, 128, 8);
        CliRunner.Result r = cli().run("plan", "meta-llama/Llama-3.1-8B-Instruct", "--root", root.toString(), "-o", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode plan = new ObjectMapper().readTree(r.out());
        assertEquals("mi210", plan.at("/host/product").asText());
        assertEquals(8, plan.at("/host/host").asInt());
        assertEquals("llama-3.1-8b-instruct-mi210-bf16", plan.at("/selected/recipe").asText());
    }

    @Test
    void noGpuIsExitThreeWithOneLine() throws IOException {
        Path root = Files.createDirectories(dir.resolve("empty-root"));
        CliRunner.Result r = cli().run("plan", "meta-llama/Llama-3.1-8B-Instruct", "--root", root.toString());
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: no GPU found on this machine"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
