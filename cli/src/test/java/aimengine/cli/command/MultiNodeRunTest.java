package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.launch.StandInEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two ranks of a multi-node `aim-engine run` as real child JVMs on loopback, with the TEST STAND-INS for vLLM and Ray
 * on PATH: Llama-3.1-405B in BF16 needs 2 nodes of 8 x H100. The ranks join, the leader serves, a worker started
 * before its leader waits, and a dead worker process fails the whole group, leaving no process behind.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MultiNodeRunTest {
    private static final Pattern STARTED = Pattern.compile("started (\\S+) \\(pid (\\d+)\\)");

    @TempDir
    Path dir;

    private final int apiPort = StandInEngine.freePort();
    private final int groupPort = StandInEngine.freePort();
    private final int runtimePort = StandInEngine.freePort();
    private final List<Process> runs = new ArrayList<>();

    @AfterEach
    void leaveNoProcess() throws IOException {
        runs.forEach(Process::destroyForcibly);
        for (int rank = 0; rank < 2; rank++) {
            for (long pid : startedPids(rank).values()) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private Process rank(int rank, boolean ray) throws IOException {
        Map<String, String> env = new HashMap<>(StandInEngine.env(ray ? StandInEngine.installWithRay(dir)
                : StandInEngine.install(dir), Map.of("STANDIN_LOAD_MS", "200")));
        env.put("AIM_STATE_DIR", dir.resolve("state" + rank).toString());
        env.put("HOME", dir.resolve("home").toString());
        env.put("CACHE_DIR", dir.resolve("cache").toString());
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.home=" + dir.resolve("home"),
                "-cp", System.getProperty("java.class.path"), "aimengine.cli.Main", "run",
                "meta-llama/Llama-3.1-405B-Instruct", "--precision", "bf16",
                "--host", Path.of("../examples/hosts/h100-8x2.yaml").toAbsolutePath().toString(),
                "--recipes", Path.of("src/test/resources/scenarios/multinode/recipes").toAbsolutePath().toString(),
                "--nodes", "2", "--node-rank", String.valueOf(rank),
                "--leader-address", "127.0.0.1:" + runtimePort, "--group-port", String.valueOf(groupPort),
                "--port", String.valueOf(apiPort), "--bind", "127.0.0.1", "--timeout", "60", "--grace", "5",
                "--engine-version", ray ? "v0.11" : "v0.19.0"));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(dir.resolve("out" + rank + ".txt").toFile())
                .redirectError(dir.resolve("err" + rank + ".txt").toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        runs.add(p);
        return p;
    }

    /** `aim-engine status` on a rank's state folder, as from another shell on that machine. */
    private String status(int rank) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "aimengine.cli.Main", "status")
                .redirectErrorStream(true);
        pb.environment().put("AIM_STATE_DIR", dir.resolve("state" + rank).toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private String err(int rank) throws IOException {
        Path f = dir.resolve("err" + rank + ".txt");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    /** The processes a rank says it started, by name (vllm, ray). */
    private Map<String, Long> startedPids(int rank) throws IOException {
        Map<String, Long> pids = new HashMap<>();
        Matcher m = STARTED.matcher(err(rank));
        while (m.find()) {
            pids.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return pids;
    }

    private void awaitLine(int rank, Process p, String text) throws Exception {
        while (!err(rank).contains(text)) {
            assertTrue(p.isAlive(), "rank " + rank + " exited before '" + text + "':\n" + err(rank));
            Thread.sleep(100);
        }
    }

    private void assertGone(Map<String, Long> pids) {
        for (Map.Entry<String, Long> e : pids.entrySet()) {
            assertFalse(ProcessHandle.of(e.getValue()).map(ProcessHandle::isAlive).orElse(false),
                    e.getKey() + " (pid " + e.getValue() + ") was left behind");
        }
    }

    @Test
    void aWorkerStartedFirstWaitsThenTheGroupServesAndADeadWorkerFailsTheLeader() throws Exception {
        Process worker = rank(1, false);
        awaitLine(1, worker, "waiting for the leader at 127.0.0.1:" + groupPort);
        Process leader = rank(0, false);
        awaitLine(0, leader, "serving on http://127.0.0.1:" + apiPort);
        awaitLine(1, worker, "started vllm");

        String status = status(0);
        assertTrue(status.contains("aim-engine group leader: active") && status.contains("rank 0    127.0.0.1 (leader)")
                && status.contains("rank 1    127.0.0.1") && status.contains("healthy, serves"), status);
        String workerLog = Files.readString(dir.resolve("state1/engine.log"));
        assertTrue(workerLog.contains("STANDIN headless rank 1 of 2, master 127.0.0.1:" + runtimePort), workerLog);
        String leaderLog = Files.readString(dir.resolve("state0/engine.log"));
        assertTrue(leaderLog.contains("\"--pipeline-parallel-size\", \"2\"") && leaderLog.contains("\"--node-rank\", \"0\""),
                leaderLog);

        long workerEngine = startedPids(1).get("vllm");
        ProcessHandle.of(workerEngine).orElseThrow().destroyForcibly();
        assertTrue(worker.waitFor(30, TimeUnit.SECONDS), "the worker did not exit");
        assertEquals(1, worker.exitValue(), err(1));
        assertTrue(leader.waitFor(30, TimeUnit.SECONDS), "the leader did not exit:\n" + err(0));
        assertEquals(1, leader.exitValue(), err(0));
        assertTrue(err(0).contains("rank 1 left the group"), err(0));
        assertGone(startedPids(0));
        assertGone(startedPids(1));
        assertFalse(Files.exists(dir.resolve("state0/group.json")));
    }

    @Test
    void onRayTheLeaderRunsTheHeadAndTheEngineAndALostRayWorkerFailsTheGroup() throws Exception {
        Process leader = rank(0, true);
        awaitLine(0, leader, "started ray");
        Process worker = rank(1, true);
        awaitLine(0, leader, "serving on http://127.0.0.1:" + apiPort);
        awaitLine(1, worker, "started ray");
        assertEquals(2, startedPids(0).size(), "the leader runs the Ray head and vLLM");
        assertEquals(List.of("ray"), List.copyOf(startedPids(1).keySet()), "a Ray worker runs no engine");
        String leaderLog = Files.readString(dir.resolve("state0/engine.log"));
        assertTrue(leaderLog.contains("\"--distributed-executor-backend\", \"ray\""), leaderLog);
        String rayWorker = Files.readString(dir.resolve("state1/ray.log"));
        assertTrue(rayWorker.contains("--address 127.0.0.1:" + runtimePort) && rayWorker.contains("VLLM_HOST_IP=127.0.0.1"),
                rayWorker);

        ProcessHandle.of(startedPids(1).get("ray")).orElseThrow().destroyForcibly();
        assertTrue(leader.waitFor(30, TimeUnit.SECONDS), "the leader did not exit:\n" + err(0));
        assertEquals(1, leader.exitValue(), err(0));
        assertTrue(worker.waitFor(30, TimeUnit.SECONDS));
        assertGone(startedPids(0));
        assertGone(startedPids(1));
    }
}
