package aimengine.cli.command;

import aimengine.cli.launch.ProcessGroup;
import aimengine.cli.launch.StandInEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * `aim-engine run` as child JVMs of a test (as in a container), on the stand-in engine, in a temporary folder; what
 * they started is killed by PID and process group when the test ends.
 */
final class ChildRuns {
    private final Path dir;
    private final int port;
    private final List<Process> runs = new ArrayList<>();
    private final List<Long> engineGroups = new ArrayList<>();

    ChildRuns(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** The stand-in engine on PATH with these STANDIN_ settings; state, home and model cache in the test's folder. */
    Map<String, String> env(Map<String, String> standin) {
        Map<String, String> env = new HashMap<>(StandInEngine.env(StandInEngine.install(dir), standin));
        env.put("AIM_STATE_DIR", dir.resolve("state").toString());
        env.put("HOME", dir.resolve("home").toString());
        env.put("CACHE_DIR", dir.resolve("cache").toString());
        return env;
    }

    /** aim-engine run in a JVM of its own, started with this test's class path (C1 only: it starts faster). */
    Process start(Map<String, String> env, String... runArgs) throws IOException {
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

    /** An engine process group a run reported, to be killed at the end whatever the run did. */
    void engineGroup(long pgid) {
        engineGroups.add(pgid);
    }

    void leaveNoProcess() {
        runs.forEach(Process::destroyForcibly);
        engineGroups.forEach(g -> new ProcessGroup(g).signal(true));
    }
}
