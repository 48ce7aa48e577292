package aimengine.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolRunnerTest {
    @TempDir
    Path bin;

    @Test
    void runsWithOnlyTheGivenEnvironment() throws Exception {
        ProbeFixtures.tool(bin, "show", "echo \"$FOO|$HOME\"; echo oops >&2; exit 0");
        ToolResult r = new ToolRunner(ProbeFixtures.env(bin, "FOO", "bar")).run(Duration.ofSeconds(5), "show");
        assertEquals("bar|\n", r.stdout(), "HOME of the test JVM must not leak into the tool");
        assertEquals("oops\n", r.stderr());
        assertEquals(0, r.exitCode());
    }

    @Test
    void missingToolIsAbsent() {
        ProbeException e = assertThrows(ProbeException.class,
                () -> new ToolRunner(ProbeFixtures.env(bin)).run(Duration.ofSeconds(5), "amd-smi"));
        assertTrue(e.absent());
        assertEquals("amd-smi is not on PATH", e.getMessage());
    }

    @Test
    void noPathMeansNoTool() {
        assertTrue(new ToolRunner(Map.of()).find("sh").isEmpty());
    }

    @Test
    void nonExecutableFileIsNotATool() throws Exception {
        Files.writeString(bin.resolve("nvidia-smi"), "not a program");
        assertTrue(new ToolRunner(ProbeFixtures.env(bin)).find("nvidia-smi").isEmpty());
    }

    @Test
    void nonZeroExitNamesTheStatusAndTheToolsComplaint() throws Exception {
        ProbeFixtures.tool(bin, "nvidia-smi", "echo 'No devices were found'; exit 6");
        ToolResult r = new ToolRunner(ProbeFixtures.env(bin)).run(Duration.ofSeconds(5), "nvidia-smi");
        ProbeException e = assertThrows(ProbeException.class, r::requireSuccess);
        assertEquals("nvidia-smi exited with status 6: No devices were found", e.getMessage());
        assertFalse(e.absent());
    }

    @Test
    void hangingToolIsKilledWithItsChildrenWithinTheTimeout() throws Exception {
        Path pidFile = bin.resolve("child.pid");
        ProbeFixtures.tool(bin, "hang", "/bin/sleep 60 & echo $! > '" + pidFile + "'; wait");
        long start = System.nanoTime();
        ProbeException e = assertThrows(ProbeException.class,
                () -> new ToolRunner(ProbeFixtures.env(bin)).run(Duration.ofMillis(500), "hang"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals("hang did not finish within 0.5 s; stopped it", e.getMessage());
        assertTrue(ms < 3000, "took " + ms + " ms");
        long child = Long.parseLong(Files.readString(pidFile).strip());
        assertTrue(waitUntilGone(child), "the tool's child sleep " + child + " is still running");
    }

    /** Gone, or a zombie left for init to reap (slow where PID 1 is not a real init). */
    private static boolean waitUntilGone(long pid) throws Exception {
        Path stat = Path.of("/proc/" + pid + "/stat");
        for (int i = 0; i < 150; i++) {
            if (!Files.exists(stat)) {
                return true;
            }
            try {
                String s = Files.readString(stat);
                if (s.substring(s.lastIndexOf(')') + 2).startsWith("Z")) {
                    return true;
                }
            } catch (java.io.IOException vanished) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
