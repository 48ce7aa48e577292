package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.CliRunner;
import aimengine.cache.HubTree;
import aimengine.cli.launch.ProcessGroup;
import aimengine.cli.launch.RunState;
import aimengine.cli.launch.RunStateFile;
import aimengine.cli.launch.StandInEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.approvaltests.Approvals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `aim-engine run` and `launch` in this JVM, against the test stand-in for vLLM on PATH. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RunCommandTest {
    static final String MODEL = "meta-llama/Llama-3.1-8B-Instruct";
    static final String HOST = "../examples/hosts/mi300x-1.yaml";

    @TempDir
    Path dir;

    private Map<String, String> env;
    private final int port = StandInEngine.freePort();
    private final List<Long> engineGroups = new java.util.ArrayList<>();

    @BeforeEach
    void standIn() {
        env = new HashMap<>(StandInEngine.env(StandInEngine.install(dir), Map.of("STANDIN_LOAD_MS", "200")));
        env.put("AIM_STATE_DIR", dir.resolve("state").toString());
        env.remove("DEFAULT_PORT");
        env.remove("DEFAULT_TIMEOUT");
        env.remove("LOG_LEVEL");
    }

    @AfterEach
    void leaveNoProcess() {
        for (long g : engineGroups) {
            new ProcessGroup(g).signal(true);
        }
    }

    private CliRunner.Result run(String... args) {
        CliRunner.Result r = new CliRunner(dir.resolve("home")).env(env).run(args);
        Matcher m = Pattern.compile("pid (\\d+) \\(process group (\\d+)\\)").matcher(r.out());
        while (m.find()) {
            engineGroups.add(Long.parseLong(m.group(2)));
        }
        return r;
    }

    @Test
    void aDryRunShowsTheCommandItsEnvironmentAndTheGraph() {
        env.put("DEFAULT_PORT", "8100");
        env.put("DEFAULT_TIMEOUT", "900");
        env.put("AIM_ENGINE_ARGS", "{\"max-model-len\": 16384, \"enforce-eager\": true}");
        CliRunner.Result r = run("run", MODEL, "--host", HOST, "--dry-run", "--engine-version", "v0.19.0",
                "--engine-arg", "max-num-seqs=64", "--engine-arg", "enforce-eager=false", "--engine-arg",
                "served-model-name=llama 8b");
        assertEquals(0, r.exit(), r.err());
        Approvals.verify(CliRunner.scrubTimes(r.out()));
    }

    @Test
    void aDryRunInJson() {
        CliRunner.Result r = run("run", MODEL, "--host", HOST, "--dry-run", "--engine-version", "0.19.0", "--port", "9000",
                "--bind", "127.0.0.1", "-o", "json");
        assertEquals(0, r.exit(), r.err());
        Approvals.verify(CliRunner.scrubTimes(r.out()));
    }

    @Test
    void offlineRefusesAModelThatIsNotCached() {
        env.put("CACHE_DIR", dir.resolve("empty-cache").toString());
        CliRunner.Result r = run("run", MODEL, "--host", HOST, "--precision", "bf16", "--offline", "--dry-run");
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("--offline: " + MODEL + " is not completely in the cache"), r.err());
    }

    @Test
    void offlineStartsACachedModelAndTellsTheEngineNotToDownload() throws Exception {
        Path cache = dir.resolve("cache");
        String config;
        try (var in = getClass().getClassLoader().getResourceAsStream("configs/Llama-3.1-8B.config.json")) {
            config = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        // Big enough to pass for the weights: a sparse blob of the expected size (8.03e9 x 2 bytes).
        new HubTree(cache).model(MODEL).sparseBlob("0123abcd", 16_060_522_496L).link("rev1", "model.safetensors", "0123abcd")
                .blobText("c0nf", config).link("rev1", "config.json", "c0nf").ref("main", "rev1");
        env.put("CACHE_DIR", cache.toString());
        CliRunner.Result r = run("run", MODEL, "--host", HOST, "--precision", "bf16", "--offline", "--dry-run", "-o", "json");
        assertEquals(0, r.exit(), r.err());
        assertEquals("1", new ObjectMapper().readTree(r.out()).path("env").path("HF_HUB_OFFLINE").asText(), r.out());
    }

    @Test
    void launchTakesTheGpuCountAsItsSecondArgument() throws Exception {
        CliRunner.Result r = run("launch", MODEL, "2", "--host", "../examples/hosts/mi300x-2.yaml", "--dry-run", "-o", "json");
        assertEquals(0, r.exit(), r.err());
        String argv = new ObjectMapper().readTree(r.out()).path("command").toString();
        assertTrue(argv.contains("\"--tensor-parallel-size\",\"2\""), argv);
        assertEquals(2, run("launch", MODEL, "2", "--gpus", "4", "--host", HOST, "--dry-run").exit());
    }

    @Test
    void anOverrideOfASystemFlagIsRefusedWithTheOptionToUse() {
        CliRunner.Result r = run("run", MODEL, "--host", HOST, "--dry-run", "--engine-arg", "port=9000", "--engine-arg",
                "dtype=fp8");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("error: --engine-arg port=9000: --port is set by aim-engine and cannot be overridden;"
                + " use aim-engine's --port\n"), r.err());
        assertTrue(r.err().contains("error: --engine-arg dtype=fp8: '--dtype' does not accept 'fp8'"), r.err());
        assertTrue(r.out().contains("  generate  failed"), r.out());
    }

    @Test
    void anEnvironmentValueWithALineBreakIsRefused() throws Exception {
        Path recipes = dir.resolve("recipes");
        Files.createDirectories(recipes);
        Files.writeString(recipes.resolve("bad-env.yaml"), """
                recipe_id: bad-env
                huggingface_id: meta-llama/Llama-3.1-8B-Instruct
                hardware: mi300x
                precision: bf16
                env:
                  BAD: "two\\nlines"
                vllm_serve:
                  1_gpu:
                    args:
                      --max-model-len: "8192"
                """);
        CliRunner.Result r = run("run", MODEL, "--host", HOST, "--dry-run", "--recipes", recipes.toString(), "--recipe", "bad-env");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("environment variable BAD: the value contains a line break; give it on one line"), r.err());
    }

    @Test
    void aMissingEngineIsNamedWithExit4() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        env.put("PATH", dir.resolve("empty") + ":/usr/bin:/bin");
        CliRunner.Result r = run("run", MODEL, "--host", HOST, "--port", String.valueOf(port));
        assertEquals(4, r.exit(), r.err());
        assertTrue(r.err().endsWith("error: vLLM is not installed: no 'vllm' program on PATH; run aim-engine in a vLLM"
                + " container or pip install vllm\n"), r.err());
        assertTrue(r.out().contains("  spawn         failed"), r.out());
    }

    @Test
    void aBusyPortIsRefusedBeforeSpawning() throws Exception {
        try (ServerSocket busy = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            CliRunner.Result r = run("run", MODEL, "--host", HOST, "--port", String.valueOf(port), "--bind", "127.0.0.1");
            assertEquals(5, r.exit(), r.err());
            assertTrue(r.err().contains("error: port " + port + " on 127.0.0.1 is not free"), r.err());
            assertFalse(r.err().contains("[vllm]"), "nothing was spawned");
        }
    }

    @Test
    void aBusyMetricsPortIsRefusedBeforeSpawning() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int metrics = busy.getLocalPort();
            CliRunner.Result r = run("run", MODEL, "--host", HOST, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--metrics-port", String.valueOf(metrics));
            assertEquals(5, r.exit(), r.err());
            assertTrue(r.err().contains("error: --metrics-port " + metrics + ": cannot listen on 127.0.0.1:" + metrics),
                    r.err());
            assertFalse(r.err().contains("[vllm]"), "nothing was spawned");
        }
    }

    @Test
    void aMetricsPortMustBeAPortOfItsOwn() {
        CliRunner.Result same = run("run", MODEL, "--host", HOST, "--port", "8100", "--metrics-port", "8100", "--dry-run");
        assertEquals(2, same.exit(), same.err());
        assertTrue(same.err().contains("error: --metrics-port: 8100 is the engine's port"), same.err());
        env.put("AIM_METRICS_PORT", "lots");
        CliRunner.Result garbage = run("run", MODEL, "--host", HOST, "--dry-run");
        assertEquals(2, garbage.exit(), garbage.err());
        assertTrue(garbage.err().contains("error: AIM_METRICS_PORT: 'lots' is not a port number"), garbage.err());
        env.put("AIM_METRICS_PORT", "0");
        assertEquals(0, run("run", MODEL, "--host", HOST, "--dry-run").exit(), "0 is off, not a port");
    }

    @Test
    void anEngineThatNeverBecomesHealthyTimesOutAndIsStopped() throws Exception {
        env.put("STANDIN_MODE", "never-healthy");
        env.put("STANDIN_WORKER", "1");
        CliRunner.Result r = run("run", MODEL, "--host", HOST, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--timeout", "3", "--grace", "5", "--log-format", "json");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("  await-health  failed   "), r.out());
        assertTrue(r.out().contains("  supervise     skipped  -      needs await-health"), r.out());
        assertTrue(r.err().contains("error: the engine did not become healthy within 3 s (--timeout); last engine line:"),
                r.err());
        List<String> lines = r.err().lines().toList();
        ObjectMapper json = new ObjectMapper();
        for (String line : lines.subList(0, lines.size() - 1)) {
            JsonNode e = json.readTree(line);
            assertEquals(List.of("time", "level", "step", "message", "fields"), iterable(e.fieldNames()), line);
        }
        assertTrue(r.err().contains("\"step\":\"engine\",\"message\":\"STANDIN test stand-in for vLLM"), r.err());
        assertEquals(1, engineGroups.size());
        assertTrue(new ProcessGroup(engineGroups.get(0)).empty(),
                "the engine and its worker were stopped; run's stderr: " + r.err());
        assertFalse(Files.exists(dir.resolve("state/run.json")), "the state file is removed on exit");
        assertTrue(Files.readString(dir.resolve("state/engine.log")).contains("STANDIN port-open"));
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    @Test
    void anEngineThatKeepsDyingIsRestartedThenGivenUp() {
        env.put("STANDIN_MODE", "crash-after-healthy");
        env.put("STANDIN_CRASH_MS", "1500");
        CliRunner.Result r = run("run", MODEL, "--host", HOST, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--restarts", "1", "--log-file", dir.resolve("my.log").toString(), "--engine-version", "v0.19.0");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("[aim-engine] warning: the engine exited with status 1; restarting in 1 s (restart 1 of 1)"),
                r.err());
        assertTrue(r.err().endsWith("error: the engine exited with status 1; giving up after 1 restart (--restarts 1)\n"),
                r.err());
        assertTrue(Files.exists(dir.resolve("my.log")));
        Approvals.verify(CliRunner.scrubTimes(r.out()).replace(dir.toString(), "TMP").replace(String.valueOf(port), "PORT")
                .replaceAll("pid \\d+ \\(process group \\d+\\)", "pid N (process group N)"));
    }

    @Test
    void aSecondRunIsRefusedWhileOneIsActive() throws Exception {
        ProcessHandle self = ProcessHandle.current();
        new RunStateFile(dir.resolve("state")).write(new RunState(self.pid(), RunStateFile.startOf(self), 1, 1, 8000,
                "0.0.0.0", "http://127.0.0.1:8000", "other/model", "r", "vllm", "2025-01-01T00:00:00Z", 0, "serving",
                "/dev/null", 30, List.of()));
        CliRunner.Result r = run("run", MODEL, "--host", HOST, "--port", String.valueOf(port));
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("error: another aim-engine run is active (pid " + self.pid() + ", other/model on port"
                + " 8000); stop it with 'aim-engine stop', or give this run its own AIM_STATE_DIR"), r.err());
    }

    @Test
    void badRunOptionsAreBadInput() {
        assertEquals(2, run("run", MODEL, "--host", HOST, "--port", "70000", "--dry-run").exit());
        env.put("LOG_LEVEL", "loud");
        CliRunner.Result r = run("run", MODEL, "--host", HOST, "--dry-run");
        assertEquals(2, r.exit());
        assertEquals("error: LOG_LEVEL: 'loud' is not one of debug, info, warn, error\n", r.err());
    }

    @Test
    void aBindAddressThatIsNoAddressIsRefused() {
        CliRunner.Result r = run("run", MODEL, "--host", HOST, "--bind", "999.1.1.1", "--dry-run");
        assertEquals(2, r.exit());
        assertEquals("error: --bind: '999.1.1.1' is not an IP address or host name; give an address such as 0.0.0.0 "
                + "or 127.0.0.1\n", r.err());
        for (String fine : List.of("127.0.0.1", "::1", "localhost", "node-3.cluster.local")) {
            assertEquals(0, run("run", MODEL, "--host", HOST, "--bind", fine, "--dry-run").exit(), fine);
        }
    }

    @Test
    void aBadTimeoutFromTheEnvironmentNamesTheVariable() {
        env.put("DEFAULT_TIMEOUT", "-5");
        CliRunner.Result r = run("run", MODEL, "--host", HOST, "--dry-run");
        assertEquals(2, r.exit());
        assertEquals("error: DEFAULT_TIMEOUT: -5: must be at least 1 second\n", r.err());
        CliRunner.Result flag = run("run", MODEL, "--host", HOST, "--timeout", "0", "--dry-run");
        assertEquals("error: --timeout: 0: must be at least 1 second\n", flag.err());
    }

    /** Without GPUs the error is said once on stderr, the step table shows where it stopped; skipped steps are no warnings. */
    @Test
    void launchWithoutGpusSaysSoOnce() throws Exception {
        Path root = Files.createDirectories(dir.resolve("empty-root"));
        CliRunner.Result r = run("launch", MODEL, "--root", root.toString());
        assertEquals(3, r.exit(), r.err());
        assertEquals(List.of("error: no GPU found on this machine"), r.err().lines().map(l -> l.replaceAll(" \\(.*", ""))
                .toList(), r.err());
        assertTrue(r.out().contains("  detect        failed "), r.out());
        assertTrue(r.out().contains("  supervise     skipped  -      needs spawn, await-health"), r.out());
    }
}
