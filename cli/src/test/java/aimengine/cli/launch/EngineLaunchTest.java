package aimengine.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import aimengine.io.Executables;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The launch pieces against real processes: the stand-in engine, spawned, awaited, supervised and stopped. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EngineLaunchTest {
    private static final Backoff FAST_RESTARTS = new Backoff(Duration.ofMillis(50), Duration.ofMillis(100));

    @TempDir
    Path dir;

    private final StringWriter console = new StringWriter();
    private final Wakeup wakeup = new Wakeup();
    private final StopRequest stop = new StopRequest(wakeup);
    private final List<RunningEngine> started = new ArrayList<>();
    private final int port = StandInEngine.freePort();
    private EventLog log = new EventLog(new Console(new PrintWriter(console, true), false), EventLog.Format.text,
            EventLog.Level.INFO, Clock.systemUTC());

    @AfterEach
    void leaveNoProcess() throws InterruptedException {
        for (RunningEngine e : started) {
            e.stop(Duration.ZERO, () -> true);
            assertTrue(new ProcessGroup(e.current().processGroup()).empty());
        }
    }

    private RunningEngine engine(Map<String, String> standin) {
        Path bin = StandInEngine.install(dir);
        Map<String, String> env = StandInEngine.env(bin, standin);
        EngineSpawner spawner = new EngineSpawner(Executables.find("setsid", env.get("PATH")).orElseThrow(),
                bin.resolve("vllm"), List.of("vllm", "serve", "test/model", "--port", String.valueOf(port), "--host",
                "127.0.0.1"), env, dir, dir.resolve("engine.log"), "vllm", log, wakeup, Clock.systemUTC(), line -> line);
        RunningEngine engine = new RunningEngine(spawner, (e, phase) -> { });
        started.add(engine);
        return engine;
    }

    private HealthWaiter waiter() {
        return new HealthWaiter(new HealthCheck(Duration.ofSeconds(2), null), Backoff.HEALTH, wakeup, stop, log, System::nanoTime);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Test
    void aHealthyEngineIsFoundServingAndItsWholeGroupStops() throws Exception {
        RunningEngine engine = engine(Map.of("STANDIN_WORKER", "1"));
        EngineProcess p = engine.start();
        HealthWaiter.Healthy healthy = waiter().await(p, base(), Duration.ofSeconds(30));
        assertEquals(List.of("test/model"), healthy.models());
        assertEquals(p.pid(), p.processGroup());
        List<Long> members = new ProcessGroup(p.processGroup()).members();
        assertEquals(2, members.size(), "the engine and its worker: " + members);

        assertTrue(engine.stop(Duration.ofSeconds(10), () -> false));
        assertTrue(new ProcessGroup(p.processGroup()).empty());
        assertFalse(p.alive());
        assertTrue(console.toString().contains("[vllm] STANDIN test stand-in for vLLM"), console.toString());
        assertTrue(Files.readString(dir.resolve("engine.log")).contains("Application startup complete."));
    }

    @Test
    void anEngineThatExitsWhileLoadingFailsTheWaitAtOnceNamingTheCause() throws Exception {
        RunningEngine engine = engine(Map.of("STANDIN_MODE", "failure-line"));
        long start = System.nanoTime();
        ExitException e = assertThrows(ExitException.class,
                () -> waiter().await(engine.start(), base(), Duration.ofSeconds(60)));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(15)) < 0);
        assertEquals(ExitCodes.FAILURE, e.exitCode());
        assertEquals("the engine exited with status 1 before it became healthy: the GPUs ran out of memory (lower"
                + " --max-model-len or the memory fraction, or use more GPUs); the engine said: torch.OutOfMemoryError:"
                + " HIP out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 191.98 GiB", e.getMessage());
    }

    @Test
    void withoutAKnownFailureLineTheLastLineIsShown() throws Exception {
        RunningEngine engine = engine(Map.of("STANDIN_MODE", "crash-at-start"));
        ExitException e = assertThrows(ExitException.class,
                () -> waiter().await(engine.start(), base(), Duration.ofSeconds(60)));
        assertEquals("the engine exited with status 1 before it became healthy: last engine line:"
                + " 'ERROR something went wrong at start'", e.getMessage());
    }

    @Test
    void anEngineThatNeverBecomesHealthyTimesOutShowingProgress() throws Exception {
        StringWriter live = new StringWriter();
        log = new EventLog(new Console(new PrintWriter(live, true), true), EventLog.Format.text, EventLog.Level.INFO,
                Clock.systemUTC());
        RunningEngine engine = engine(Map.of("STANDIN_MODE", "never-healthy", "STANDIN_LOAD_MS", "0"));
        ExitException e = assertThrows(ExitException.class,
                () -> waiter().await(engine.start(), base(), Duration.ofSeconds(2)));
        assertTrue(e.getMessage().startsWith("the engine did not become healthy within 2 s (--timeout); last engine line: '"),
                e.getMessage());
        assertTrue(engine.current().alive(), "the waiter reports; stopping is the caller's job");
        assertTrue(live.toString().contains("\r\033[K[aim-engine] waiting for " + base() + "/health: "), live.toString());
    }

    @Test
    void anEngineThatDiesIsRestartedUntilTheRestartsAreUsedUp() throws Exception {
        RunningEngine engine = engine(Map.of("STANDIN_MODE", "crash-after-healthy", "STANDIN_LOAD_MS", "100",
                "STANDIN_CRASH_MS", "1500"));
        waiter().await(engine.start(), base(), Duration.ofSeconds(30));
        Supervisor.Outcome outcome = new Supervisor(engine, waiter(), Supervisor.Settings.of(base(),
                Duration.ofSeconds(30), 2, FAST_RESTARTS, Duration.ofSeconds(5)), stop, wakeup, log).supervise();
        assertEquals(new Supervisor.Outcome(ExitCodes.FAILURE, "the engine exited with status 1; giving up after 2"
                + " restarts (--restarts 2)"), outcome);
        assertEquals(2, engine.restarts());
        String file = Files.readString(dir.resolve("engine.log"));
        assertTrue(file.contains("--- aim-engine: restart 1 at ") && file.contains("--- aim-engine: restart 2 at "));
        assertTrue(console.toString().contains("[aim-engine] the engine serves again after restart 2"), console.toString());
    }

    @Test
    void anEngineThatStopsAnsweringItsHealthCheckIsTakenForDeadAndRestarted() throws Exception {
        RunningEngine engine = engine(Map.of("STANDIN_MODE", "sick-after-healthy", "STANDIN_LOAD_MS", "100",
                "STANDIN_CRASH_MS", "1500"));
        EngineProcess first = engine.start();
        waiter().await(first, base(), Duration.ofSeconds(30));
        Supervisor.Outcome outcome = new Supervisor(engine, waiter(), new Supervisor.Settings(base(),
                Duration.ofSeconds(30), 1, FAST_RESTARTS, Duration.ofSeconds(5), Duration.ofMillis(200), 2), stop, wakeup,
                log).supervise();
        assertEquals(new Supervisor.Outcome(ExitCodes.FAILURE, "the engine stopped answering " + base() + "/health (2"
                + " checks in a row, 200 ms apart); giving up after 1 restart (--restarts 1)"), outcome);
        assertFalse(first.alive(), "the sick engine was stopped before its restart");
        assertTrue(new ProcessGroup(engine.current().processGroup()).empty());
    }

    @Test
    void aStopRequestWhileServingStopsTheGroup() throws Exception {
        RunningEngine engine = engine(Map.of("STANDIN_WORKER", "1"));
        waiter().await(engine.start(), base(), Duration.ofSeconds(30));
        CompletableFuture<Supervisor.Outcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return new Supervisor(engine, waiter(), Supervisor.Settings.of(base(), Duration.ofSeconds(30), 3,
                        FAST_RESTARTS, Duration.ofSeconds(10)), stop, wakeup, log).supervise();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        stop.request(StopSignal.TERM);
        assertEquals(new Supervisor.Outcome(ExitCodes.TERMINATED, "stopped by SIGTERM while serving; no engine process"
                + " is left"), outcome.get(20, TimeUnit.SECONDS));
        assertTrue(new ProcessGroup(engine.current().processGroup()).empty());
    }

    @Test
    void anEngineIgnoringSigtermIsKilledAfterTheGracePeriod() throws Exception {
        RunningEngine engine = engine(Map.of("STANDIN_MODE", "ignore-sigterm", "STANDIN_WORKER", "1"));
        EngineProcess p = engine.start();
        waiter().await(p, base(), Duration.ofSeconds(30));
        long start = System.nanoTime();
        assertTrue(engine.stop(Duration.ofMillis(800), () -> false));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofMillis(800)) >= 0, "waited the grace period: " + took);
        assertTrue(new ProcessGroup(p.processGroup()).empty());
        assertEquals(137, p.exitCode().orElseThrow());
        p.drainOutput(Duration.ofSeconds(2));
        assertTrue(console.toString().contains("STANDIN ignoring SIGTERM"), console.toString());
    }

    @Test
    void aSecondStopRequestSkipsTheGracePeriod() throws Exception {
        RunningEngine engine = engine(Map.of("STANDIN_MODE", "ignore-sigterm"));
        waiter().await(engine.start(), base(), Duration.ofSeconds(30));
        stop.request(StopSignal.INT);
        stop.request(StopSignal.INT);
        long start = System.nanoTime();
        assertTrue(engine.stop(Duration.ofSeconds(60), stop::urgent));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(10)) < 0);
    }
}
