package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.CliRunner;
import aimengine.cli.launch.ProcessGroup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import aimengine.cli.metrics.ExpositionText;
import aimengine.cli.metrics.PrometheusServer;
import aimengine.cli.metrics.PromtoolCheck;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import aimengine.cli.launch.RunState;
import aimengine.cli.launch.RunStateFile;
import aimengine.cli.launch.StandInEngine;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
    private ChildRuns children;

    @BeforeEach
    void children() {
        children = new ChildRuns(dir, port);
    }

    @AfterEach
    void leaveNoProcess() {
        children.leaveNoProcess();
    }

    /** Waits for the run's state file to reach a phase; fails the test when the run exits first. */
    private RunState awaitPhase(Process run, String phase) throws Exception {
        RunStateFile file = new RunStateFile(dir.resolve("state"));
        while (true) {
            Optional<RunState> s = Files.exists(file.path()) ? file.read() : Optional.empty();
            if (s.isPresent()) {
                children.engineGroup(s.get().processGroup());
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
        Process run = children.start(children.env(Map.of("STANDIN_MODE", "ignore-sigterm", "STANDIN_WORKER", "1", "STANDIN_LOAD_MS",
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
        Map<String, String> env = children.env(Map.of("STANDIN_WORKER", "1"));
        Process run = children.start(env);
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

    /**
     * The acceptance of issue 14: during a run with the stand-in engine, /metrics shows aim_engine_up 1, the restart
     * counter, the fixture GPUs and the engine's own vllm: series, and a real Prometheus reads aim_engine_up back;
     * after the engine is killed, aim_engine_up drops to 0 and the restart counter rises.
     */
    @Test
    void metricsEndpointServesTheRunTheGpusAndTheEngineToARealPrometheus() throws Exception {
        Path prometheusDir = Files.createDirectories(dir.resolve("prometheus"));
        int metricsPort = StandInEngine.freePort();
        Map<String, String> env = children.env(Map.of());
        Path sysfs = Path.of(getClass().getResource("/aimengine/cli/metrics/amdgpu-sysfs").toURI());
        Process run = children.start(env, "--metrics-port", String.valueOf(metricsPort), "--root", sysfs.toString());
        RunState s = awaitPhase(run, "serving");
        URI metrics = URI.create("http://127.0.0.1:" + metricsPort + "/metrics");

        String text = scrape(metrics);
        assertTrue(text.contains("aim_engine_up 1"), text);
        assertTrue(text.contains("aim_engine_restarts_total 0"), text);
        assertTrue(text.contains("aim_engine_info{backend=\"vllm\""), text);
        assertTrue(text.contains("aim_engine_gpu_utilization_ratio{bus_id=\"0000:0c:00.0\",index=\"0\",product=\"mi300x\"} 0.37"), text);
        assertTrue(text.contains("aim_engine_gpu_temperature_celsius{bus_id=\"0000:43:00.0\",index=\"1\",product=\"mi210\",sensor=\"edge\"} 33"), text);
        assertFalse(text.contains("aim_engine_gpu_memory_used_bytes{bus_id=\"0000:43:00.0\""), "garbage reading is absent: " + text);
        assertTrue(text.contains("vllm:num_requests_running{engine=\"0\",model_name="), text);
        assertTrue(text.contains("aim_engine_engine_resident_memory_bytes "), text);
        String status = new CliRunner(dir.resolve("home")).env(env).run("status").out();
        while (!status.contains("  requests  ")) {
            Thread.sleep(100);
            status = new CliRunner(dir.resolve("home")).env(env).run("status").out();
        }
        assertTrue(status.contains("  gpu 0     mi300x 0000:0c:00.0: 37 % busy, 16.8 GiB of 192.0 GiB, 41 C, 139 W\n"), status);
        assertTrue(status.contains("  gpu 1     mi210 0000:43:00.0: 0 % busy, - of 64.0 GiB, 48 C, 41 W\n"), status);
        assertTrue(status.contains("  requests  2 running, 1 waiting; KV cache 25 % used\n"), status);
        assertTrue(status.contains(" threads in "), status);
        JsonNode json = new ObjectMapper().readTree(new CliRunner(dir.resolve("home")).env(env).run("status", "--output", "json").out());
        assertEquals(0.37, json.path("live").path("gpus").get(0).path("busyRatio").asDouble(), json.toString());
        assertEquals(0.25, json.path("live").path("engineMetrics").path("kvCacheUsageRatio").asDouble(), json.toString());
        assertTrue(json.path("live").path("engine").path("residentBytes").asDouble() > 0, json.toString());
        assertTrue(json.path("uptimeSeconds").isNumber(), json.toString());
        Path exposition = Files.writeString(dir.resolve("metrics.txt"), text);
        PromtoolCheck.assertAccepted(exposition);

        try (PrometheusServer prometheus = PrometheusServer.scraping(prometheusDir, StandInEngine.freePort(),
                "127.0.0.1:" + metricsPort)) {
            Optional<Double> up = Optional.empty();
            while (up.isEmpty()) {
                assertTrue(prometheus.alive(), Files.readString(prometheusDir.resolve("prometheus.log")));
                Thread.sleep(200);
                up = prometheus.query("aim_engine_up");
            }
            assertEquals(1.0, up.get());
            assertTrue(prometheus.query("vllm:num_requests_running").isPresent(), "the engine's series reach Prometheus");
        }

        ProcessHandle.of(s.enginePid()).orElseThrow().destroyForcibly();
        boolean sawDown = false;
        double restarts = 0;
        while (restarts < 1) {
            assertTrue(run.isAlive(), Files.readString(dir.resolve("err.txt")));
            Map<String, Double> now = values(scrape(metrics));
            sawDown |= now.get("aim_engine_up") == 0;
            restarts = now.get("aim_engine_restarts_total");
            Thread.sleep(50);
        }
        assertTrue(sawDown, "aim_engine_up dropped to 0 while the engine was down");
        run.destroy();
        assertTrue(run.waitFor(30, TimeUnit.SECONDS));
    }

    private static String scrape(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** The unlabelled samples of an exposition, by name. */
    private static Map<String, Double> values(String exposition) {
        Map<String, Double> v = new HashMap<>();
        ExpositionText.parse(exposition).stream().filter(x -> x.labels().isEmpty()).forEach(x -> v.put(x.name(), x.value()));
        return v;
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
