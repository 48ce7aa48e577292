package aimengine.cli.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.CliRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/container/entrypoint.sh: started as root it runs the command as the image's user, in the groups that own
 * the GPU device nodes; started as another user it runs the command as is. Switching users needs root, so the test
 * runs where the build runs as root (the project's build machines do) and is skipped elsewhere. `nobody` stands in
 * for the image's user.
 */
class EntrypointTest {
    private static final Path SCRIPT = CliRunner.ROOT.resolve("deploy/container/entrypoint.sh");

    @TempDir
    Path dir;

    @BeforeEach
    void asRoot() throws Exception {
        Assumptions.assumeTrue(run(List.of("id", "-u")).strip().equals("0"), "switching users needs root");
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private List<String> entrypoint(String devices, String... command) {
        List<String> all = new ArrayList<>(List.of("env", "AIM_USER=nobody", "AIM_DEVICES=" + devices, "sh", SCRIPT.toString()));
        all.addAll(Arrays.asList(command));
        return all;
    }

    @Test
    void asRootItRunsTheCommandAsTheUserInTheDeviceGroups() throws Exception {
        Path kfd = Files.createFile(dir.resolve("kfd"));
        Path render = Files.createFile(dir.resolve("renderD128"));
        run(List.of("chgrp", "23456", kfd.toString()));
        run(List.of("chgrp", "23457", render.toString()));
        String devices = kfd + " " + dir.resolve("renderD*") + " " + dir.resolve("nvidia*");
        assertEquals(run(List.of("id", "-u", "nobody")).strip(), run(entrypoint(devices, "id", "-u")).strip());
        List<String> groups = List.of(run(entrypoint(devices, "id", "-G")).strip().split(" "));
        assertTrue(groups.containsAll(List.of("23456", "23457")), groups.toString());
        assertTrue(!groups.contains("0"), "root's group dropped: " + groups);
    }

    @Test
    void asAnotherUserItRunsTheCommandAsItIs() throws Exception {
        List<String> asUser = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
        asUser.addAll(entrypoint(dir.resolve("none").toString(), "id", "-u"));
        assertEquals("65534", run(asUser).strip());
    }
}
