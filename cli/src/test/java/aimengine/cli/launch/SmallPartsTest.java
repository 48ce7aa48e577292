package aimengine.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backoff, console, event log, port check, state file, failure lines and the health check's parsing. */
class SmallPartsTest {
    @TempDir
    Path dir;

    @Test
    void healthChecksBackOffFrom100msTo2s() {
        Duration d = Backoff.HEALTH.first();
        StringBuilder seq = new StringBuilder(d.toMillis() + "");
        for (int i = 0; i < 6; i++) {
            d = Backoff.HEALTH.next(d);
            seq.append(' ').append(d.toMillis());
        }
        assertEquals("100 200 400 800 1600 2000 2000", seq.toString());
        assertEquals(Duration.ofSeconds(4), Backoff.RESTART.nth(3));
    }

    @Test
    void aLiveConsoleKeepsItsStatusLineBelowTheLines() {
        StringWriter w = new StringWriter();
        Console c = new Console(new PrintWriter(w), true);
        c.line("one");
        c.status("waiting 1 s");
        c.line("two");
        c.status("waiting 2 s");
        c.clearStatus();
        assertEquals("one\n\r\033[Kwaiting 1 s\r\033[Ktwo\nwaiting 1 s\r\033[Kwaiting 2 s\r\033[K", w.toString());

        StringWriter plain = new StringWriter();
        Console p = new Console(new PrintWriter(plain), false);
        p.status("waiting");
        p.line("two");
        assertEquals("waiting\ntwo\n", plain.toString());
    }

    @Test
    void theJsonEventLogWritesOneObjectPerEventAboveTheLevel() {
        StringWriter w = new StringWriter();
        Clock clock = Clock.fixed(Instant.parse("2025-01-02T03:04:05.678Z"), ZoneOffset.UTC);
        EventLog log = new EventLog(new Console(new PrintWriter(w), true), EventLog.Format.json, EventLog.Level.INFO, clock);
        log.debug("spawn", "hidden", null);
        log.info("spawn", "engine started", Map.of("pid", 42));
        log.engineLine("vllm", "INFO Loading \"weights\"");
        log.progress("await-health", "waiting", Map.of("elapsedSeconds", 3));
        assertFalse(log.liveProgress());
        assertEquals("""
                {"time":"2025-01-02T03:04:05.678Z","level":"info","step":"spawn","message":"engine started","fields":{"pid":42}}
                {"time":"2025-01-02T03:04:05.678Z","level":"info","step":"engine","message":"INFO Loading \\"weights\\"","fields":{"engine":"vllm"}}
                {"time":"2025-01-02T03:04:05.678Z","level":"info","step":"await-health","message":"waiting","fields":{"elapsedSeconds":3}}
                """, w.toString());
        assertEquals(EventLog.Level.WARN, EventLog.Level.parse("Warning"));
        assertEquals(null, EventLog.Level.parse("loud"));
    }

    @Test
    void theTextEventLogPrefixesOwnAndEngineLines() {
        StringWriter w = new StringWriter();
        EventLog log = new EventLog(new Console(new PrintWriter(w), false), EventLog.Format.text, EventLog.Level.WARN,
                Clock.systemUTC());
        log.info("spawn", "hidden", null);
        log.warn("supervise", "the engine exited", null);
        log.engineLine("vllm", "hello");
        assertEquals("[aim-engine] warning: the engine exited\n[vllm] hello\n", w.toString());
    }

    @Test
    void aBusyPortIsRefused() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Optional<String> p = PortCheck.problem("127.0.0.1", busy.getLocalPort());
            assertTrue(p.orElseThrow().startsWith("port " + busy.getLocalPort() + " on 127.0.0.1 is not free ("), p.get());
            assertTrue(p.get().endsWith("); stop what listens there or choose another --port"));
            assertTrue(PortCheck.problem("0.0.0.0", busy.getLocalPort()).isPresent(), "a wildcard bind collides too");
        }
        assertEquals(Optional.empty(), PortCheck.problem("127.0.0.1", StandInEngine.freePort()));
        assertEquals("--bind no-such-host.invalid is not an address of this host",
                PortCheck.problem("no-such-host.invalid", 8000).orElseThrow());
    }

    @Test
    void theStateFileIsWrittenWholeAndTrustedOnlyForTheProcessThatWroteIt() throws Exception {
        RunStateFile file = new RunStateFile(dir.resolve("run"));
        assertEquals(Optional.empty(), file.read());
        ProcessHandle self = ProcessHandle.current();
        RunState state = new RunState(self.pid(), RunStateFile.startOf(self), 10, 10, 8000, "0.0.0.0",
                "http://127.0.0.1:8000", "m", "r", "vllm", "2025-01-01T00:00:00Z", 0, "starting", "/tmp/engine.log", 30,
                List.of("vllm", "serve", "m"));
        file.write(state);
        try (var files = Files.list(dir.resolve("run"))) {
            assertEquals(List.of("run.json"), files.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
        assertEquals(state, file.read().orElseThrow());
        assertTrue(RunStateFile.isLive(state));

        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        assertFalse(RunStateFile.isLive(new RunState(gone.pid(), "x", 1, 1, 1, "", "", "", "", "", "", 0, "", "", 0, List.of())));
        assertFalse(RunStateFile.isLive(new RunState(self.pid(), "1970-01-01T00:00:00Z", 1, 1, 1, "", "", "", "", "", "",
                0, "", "", 0, List.of())), "same PID, other start time: another process");

        file.deleteIfOwnedBy(self.pid() + 1);
        assertTrue(Files.exists(file.path()));
        file.deleteIfOwnedBy(self.pid());
        assertFalse(Files.exists(file.path()));

        Files.writeString(file.path(), "{not json");
        assertTrue(assertThrowsInput(file).startsWith(file.path() + ": not a readable aim-engine state file ("));
    }

    private static String assertThrowsInput(RunStateFile file) {
        return org.junit.jupiter.api.Assertions.assertThrows(aimengine.io.InputException.class, file::read).getMessage();
    }

    @Test
    void knownFailureLinesAreRecognisedMostSpecificFirst() {
        EngineOutput out = new EngineOutput("vllm", new EventLog(new Console(new PrintWriter(new StringWriter()), false),
                EventLog.Format.text, EventLog.Level.ERROR, Clock.systemUTC()), new StringWriter(), new Wakeup(), line -> line);
        out.accept("RuntimeError: Engine core initialization failed. See root cause above.");
        assertEquals("the engine core failed to start (see the engine lines before it); the engine said: RuntimeError:"
                + " Engine core initialization failed. See root cause above.", out.failure().orElseThrow());
        out.accept("ValueError: 40000 tokens is larger than the available KV cache memory");
        assertTrue(out.failure().orElseThrow().startsWith("the context does not fit the KV cache"));
        out.accept("  ");
        assertEquals("ValueError: 40000 tokens is larger than the available KV cache memory", out.lastLine());
        assertTrue(FailureLines.isReady("INFO:     Application startup complete."));
        assertTrue(FailureLines.isReady("The server is fired up and ready to roll!"));
    }

    @Test
    void modelIdsComeFromTheOpenAiModelList() {
        assertEquals(List.of("a", "b"), HealthCheck.modelIds("{\"object\":\"list\",\"data\":[{\"id\":\"a\"},{\"id\":\"b\"}]}"));
        assertEquals(List.of(), HealthCheck.modelIds("not json"));
    }

    @Test
    void healthChecksGoToLoopbackWhenEveryAddressIsBound() {
        assertEquals(URI.create("http://127.0.0.1:8000"), settings("0.0.0.0").base());
        assertEquals(URI.create("http://[::1]:8000"), settings("::").base());
        assertEquals(URI.create("http://[fe80::1]:8000"), settings("fe80::1").base());
        assertEquals(URI.create("http://10.0.0.5:8000"), settings("10.0.0.5").base());
    }

    private LaunchSettings settings(String bind) {
        return new LaunchSettings(bind, 8000, Duration.ofSeconds(1), 0, Duration.ZERO, dir, Map.of(), dir, false);
    }
}
