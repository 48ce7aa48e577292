package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.CliRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without --host, plan detects the GPUs under --root (here a copy of a real 8 x MI210 KFD topology). */
class PlanDetectionTest {
    private static final Path MI210_TREE = Path.of("../planner/src/test/resources/fixtures/amd/kfd-topology-8xMI210-xgmi-pcie");

    @TempDir
    Path dir;

    private CliRunner cli() throws IOException {
        Path emptyPath = Files.createDirectories(dir.resolve("bin"));
        return new CliRunner(dir.resolve("home")).env("PATH", emptyPath.toString());
    }

    @Test
    void plansForTheDetectedGpus() throws IOException {
        Path root = dir.resolve("root");
        Path nodes = root.resolve("sys/class/kfd/kfd/topology/nodes");
        Path from = MI210_TREE.resolve("nodes");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = nodes.resolve(from.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        Files.createDirectories(root.resolve("dev/dri"));
        Files.writeString(root.resolve("dev/kfd"), "");
        for (int i = 128; i < 136; i++) {
            Files.writeString(root.resolve("dev/dri/renderD" + i), "");
        }
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
