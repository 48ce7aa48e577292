package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.CliRunner;
import aimengine.cli.launch.ProcessGroup;
import aimengine.cli.launch.RunState;
import aimengine.cli.launch.RunStateFile;
import aimengine.cli.launch.StandInEngine;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * `aim-engine run` as a real child JVM (as in a container), stopped by SIGTERM while the engine loads and, from
 * "another shell", with status, logs and stop while it serves. Every check of what is left is by PID.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RunProcessTest {
    @TempDir
    Path dir;

    private final int port = StandInEngine.freePort();
    private final List<Process> runs = new ArrayList<>();
    private final List<Long> engineGroups = new ArrayList<>();

    @AfterEach
    void leaveNoProcess() {
        runs.forEach(Process::destroyForcibly);
        engineGroups.forEach(g -> new ProcessGroup(g).signal(true));
    }

    private Map<String, String> env(Map<String, String> standin) {
        Map<String, String> env = new HashMap<>(StandInEngine.env(StandInEngine.install(dir), standin));
        env.put("AIM_STATE_DIR", dir.resolve("state").toString());
        env.put("HOME", dir.resolve("home").toString());
        env.put("CACHE_DIR", dir.resolve("cache").toString());
        return env;
    }

    /** aim-engine run in a JVM of its own, started with this test's class path (C1 only: it starts faster). */
    private Process start(Map<String, String> env, String... runArgs) throws IOException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.home=" + dir.resolve("home"),
                "-cp", System.getProperty("java.class.path"),
                "aimengine.cli.Main", "run", RunCommandTest.MODEL, "--host",
                Path.of(RunCommandTest.HOST).toAbsolutePath().toString(), "--port", String.valueOf(port), "--bind",
                "127.0.0.1"));
        argv.addAll(List.of(runArgs));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        runs.add(p);
        return p;
    }

    /** Waits for the run's state file to reach a phase; fails the test when the run exits first. */
    private RunState awaitPhase(Process run, String phase) throws Exception {
        RunStateFile file = new RunStateFile(dir.resolve("state"));
        while (true) {
            Optional<RunState> s = Files.exists(file.path()) ? file.read() : Optional.empty();
            if (s.isPresent()) {
                engineGroups.add(s.get().processGroup());
                if (s.get().phase().equals(phase)) {
                    return s.get();
                }
            }
            assertTrue(run.isAlive(), "run exited early: " + Files.readString(dir.resolve("err.txt")));
            Thread.sleep(100);
        }
    }

    @Test
    void sigtermWhileTheEngineLoadsStopsItsWholeGroupEvenWhenItIgnoresSigterm() throws Exception {
        Process run = start(env(Map.of("STANDIN_MODE", "ignore-sigterm", "STANDIN_WORKER", "1", "STANDIN_LOAD_MS",
                "60000")), "--grace", "1");
        RunState s = awaitPhase(run, "starting");
        while (new ProcessGroup(s.processGroup()).members().size() < 2) {
            Thread.sleep(50);
        }
        run.destroy();
        assertTrue(run.waitFor(30, TimeUnit.SECONDS));
        assertEquals(143, run.exitValue());
        assertTrue(new ProcessGroup(s.processGroup()).empty(), "engine and worker gone");
        assertFalse(ProcessHandle.of(s.enginePid()).map(ProcessHandle::isAlive).orElse(false));
        String out = Files.readString(dir.resolve("out.txt"));
        assertTrue(out.contains("  await-health  stopped  "), out);
        assertTrue(out.contains("stopped by SIGTERM while the engine was loading"), out);
        assertFalse(Files.exists(dir.resolve("state/run.json")));
    }

    @Test
    void statusLogsAndStopActOnTheRunFromAnotherShell() throws Exception {
        Map<String, String> env = env(Map.of("STANDIN_WORKER", "1"));
        Process run = start(env);
        RunState s = awaitPhase(run, "serving");
        Path home = dir.resolve("home");

        CliRunner.Result status = new CliRunner(home).env(env).run("status");
        assertEquals(0, status.exit(), status.out());
        assertTrue(status.out().startsWith("aim-engine run: active (pid " + run.pid() + ", since "), status.out());
        assertTrue(status.out().contains("  endpoint  http://127.0.0.1:" + port + "/v1: healthy, serves "
                + "meta-llama/Llama-3.1-8B-Instruct, amd/Llama-3.1-8B-Instruct-FP8-KV\n"), status.out());
        assertTrue(status.out().contains("  engine    pid " + s.enginePid() + ", process group " + s.processGroup()
                + ", 0 restart(s)\n"), status.out());

        CliRunner.Result logs = new CliRunner(home).env(env).run("logs", "-n", "1");
        assertEquals(0, logs.exit());
        assertEquals("INFO:     Application startup complete.\n", logs.out());

        Path lock = dir.resolve("cache/.aim-engine/locks/models--amd--Llama-3.1-8B-Instruct-FP8-KV.lock");
        assertFalse(exclusivelyLockable(lock), "the run holds the model's cache lock");

        CliRunner.Result stop = new CliRunner(home).env(env).run("stop");
        assertEquals(0, stop.exit(), stop.err());
        assertTrue(stop.out().endsWith("stopped\n"), stop.out());
        assertTrue(run.waitFor(30, TimeUnit.SECONDS));
        assertEquals(143, run.exitValue());
        assertTrue(new ProcessGroup(s.processGroup()).empty());
        assertTrue(Files.readString(dir.resolve("out.txt")).contains("  supervise     stopped  "));

        assertTrue(exclusivelyLockable(lock), "the lock went with the run");

        CliRunner.Result after = new CliRunner(home).env(env).run("status");
        assertEquals(1, after.exit());
        assertTrue(after.out().startsWith("not running: no aim-engine run is active"), after.out());
    }

    /** What 'cache clean' needs before it deletes a model: no run may hold the lock. */
    private static boolean exclusivelyLockable(Path lockFile) throws IOException {
        try (FileChannel c = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock l = c.tryLock(0, Long.MAX_VALUE, false);
            if (l != null) {
                l.release();
            }
            return l != null;
        }
    }
}
