package aimengine.cli.launch;

import aimengine.io.Executables;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures health-detection latency: from the moment the engine's port opens (the test stand-in prints the wall
 * time right after it binds) to the moment the health waiter reports the engine ready. Not a test: it asserts
 * nothing and prints a table. "printed": the stand-in prints vLLM's ready line, which wakes the waiter at once;
 * "quiet": it does not, and only the checks' backoff (100 ms doubling to 2 s) finds it. Run after
 * {@code mvn -o package -DskipTests} (which compiles the test classes too):
 * {@code java -cp cli/target/aim-engine.jar:cli/target/test-classes aimengine.cli.launch.HealthLatencyBenchmark [ROUNDS]}
 */
public final class HealthLatencyBenchmark {
    private static final Pattern PORT_OPEN = Pattern.compile("STANDIN port-open (\\d+\\.\\d+)");

    private HealthLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("aim-health-bench");
        Path bin = StandInEngine.install(dir);
        System.out.println("ready line | load ms | rounds | median ms | p90 ms | max ms");
        for (boolean readyLine : new boolean[] {true, false}) {
            for (int load : new int[] {250, 1300, 3200}) {
                List<Double> ms = new ArrayList<>();
                for (int i = 0; i < rounds; i++) {
                    ms.add(once(dir, bin, load, readyLine));
                }
                Collections.sort(ms);
                System.out.printf(Locale.ROOT, "%-10s | %7d | %6d | %9.1f | %6.1f | %6.1f%n", readyLine ? "printed" : "quiet",
                        load, rounds, ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.9) - 1),
                        ms.get(ms.size() - 1));
            }
        }
    }

    private static double once(Path dir, Path bin, int loadMs, boolean readyLine) throws Exception {
        int port = StandInEngine.freePort();
        Map<String, String> env = StandInEngine.env(bin, Map.of("STANDIN_LOAD_MS", String.valueOf(loadMs),
                "STANDIN_QUIET", readyLine ? "0" : "1"));
        Wakeup wakeup = new Wakeup();
        EventLog log = new EventLog(new Console(new PrintWriter(Writer.nullWriter()), false), EventLog.Format.text,
                EventLog.Level.ERROR, Clock.systemUTC());
        Path logFile = dir.resolve("engine-" + port + ".log");
        EngineSpawner spawner = new EngineSpawner(Executables.find("setsid", env.get("PATH")).orElseThrow(),
                bin.resolve("vllm"), List.of("vllm", "serve", "bench/model", "--port", String.valueOf(port), "--host",
                "127.0.0.1"), env, dir, logFile, "vllm", log, wakeup, Clock.systemUTC(), line -> line);
        RunningEngine engine = new RunningEngine(spawner, (e, phase) -> { });
        HealthWaiter waiter = new HealthWaiter(new HealthCheck(Duration.ofSeconds(2), null), Backoff.HEALTH, wakeup,
                new StopRequest(wakeup), log, System::nanoTime);
        try {
            waiter.await(engine.start(), java.net.URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(60));
            double readyAt = System.currentTimeMillis() / 1000.0;
            return (readyAt - portOpenedAt(logFile)) * 1000.0;
        } finally {
            engine.stop(Duration.ofSeconds(5), () -> false);
        }
    }

    private static double portOpenedAt(Path logFile) throws IOException {
        Matcher m = PORT_OPEN.matcher(Files.readString(logFile));
        if (!m.find()) {
            throw new IllegalStateException("the stand-in did not report its port opening");
        }
        return Double.parseDouble(m.group(1));
    }
}
