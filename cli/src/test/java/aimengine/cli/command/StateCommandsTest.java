package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.CliRunner;
import aimengine.cli.launch.RunState;
import aimengine.cli.launch.RunStateFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** status, logs and stop when no run is active, or the state file is stale or broken. */
class StateCommandsTest {
    @TempDir
    Path dir;

    private Map<String, String> env;
    private long deadPid;

    @BeforeEach
    void setUp() throws Exception {
        env = Map.of("AIM_STATE_DIR", dir.resolve("state").toString());
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        deadPid = p.pid();
    }

    private CliRunner.Result cli(String... args) {
        return new CliRunner(dir.resolve("home")).env(env).run(args);
    }

    private RunState stale(Path log) throws Exception {
        RunState s = new RunState(deadPid, "2025-01-01T00:00:00Z", deadPid, deadPid, 8000, "0.0.0.0",
                "http://127.0.0.1:8000", "some/model", "r", "vllm", "2025-01-01T00:00:00Z", 0, "serving", log.toString(),
                30, List.of("vllm", "serve", "some/model"));
        new RunStateFile(dir.resolve("state")).write(s);
        return s;
    }

    @Test
    void withNoRunThereIsNothingToShowOrStop() throws Exception {
        CliRunner.Result status = cli("status");
        assertEquals(1, status.exit());
        assertEquals("not running: no aim-engine run is active (no state file at " + dir.resolve("state/run.json") + ")\n",
                status.out());
        JsonNode json = new ObjectMapper().readTree(cli("status", "-o", "json").out());
        assertEquals("none", json.path("status").asText());
        assertFalse(json.path("healthy").asBoolean());

        assertEquals(new CliRunner.Result(0, "nothing to stop: no aim-engine run is active\n", ""), cli("stop"));
        CliRunner.Result logs = cli("logs");
        assertEquals(1, logs.exit());
        assertEquals("error: no engine log at " + dir.resolve("state/engine.log") + " (no aim-engine run is active)\n",
                logs.err());
    }

    @Test
    void aStaleStateFileIsReportedNeverTrusted() throws Exception {
        stale(dir.resolve("engine.log"));
        CliRunner.Result status = cli("status");
        assertEquals(1, status.exit());
        assertEquals("not running: the state file " + dir.resolve("state/run.json") + " names aim-engine pid " + deadPid
                + " (started 2025-01-01T00:00:00Z), which is gone; the run did not end cleanly\n", status.out());
        assertEquals("stale", new ObjectMapper().readTree(cli("status", "-o", "json").out()).path("status").asText());

        CliRunner.Result stop = cli("stop");
        assertEquals(0, stop.exit());
        assertTrue(stop.out().startsWith("nothing to stop: the state file named aim-engine pid " + deadPid
                + ", which is gone; removed the stale file"), stop.out());
        assertFalse(Files.exists(dir.resolve("state/run.json")));
    }

    @Test
    void logsPrintTheLogOfTheStateFileWholeOrItsTail() throws Exception {
        Path log = dir.resolve("engine.log");
        Files.writeString(log, "one\ntwo\nthree\n");
        stale(log);
        assertEquals(new CliRunner.Result(0, "one\ntwo\nthree\n", ""), cli("logs"));
        assertEquals(new CliRunner.Result(0, "two\nthree\n", ""), cli("logs", "-n", "2"));
        assertEquals(new CliRunner.Result(0, "one\ntwo\nthree\n", ""), cli("logs", "-f"), "follow ends when the run is gone");
    }

    @Test
    void aBrokenStateFileIsBadInput() throws Exception {
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("state/run.json"), "[]");
        CliRunner.Result status = cli("status");
        assertEquals(2, status.exit());
        assertTrue(status.err().startsWith("error: " + dir.resolve("state/run.json") + ": not a readable aim-engine state"
                + " file ("), status.err());
    }
}
