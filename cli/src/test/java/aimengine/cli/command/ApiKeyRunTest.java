package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.CliRunner;
import aimengine.cli.launch.RunState;
import aimengine.cli.launch.RunStateFile;
import aimengine.cli.launch.StandInEngine;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run protected by AIM_API_KEY, as a real child JVM with the stand-in engine (which, as vLLM, answers /v1/models
 * only with the key): it must become ready, and the key must be in nothing aim-engine printed or wrote and not on
 * the engine's command line.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ApiKeyRunTest {
    private static final String KEY = "sk-test-7f3a9c1e5b2d4086a1c3e5f7";
    private static final String HF_TOKEN = "hf_test_Qm9vZ2xlIGlzIG5vdCBhIHRva2Vu";

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

    @Test
    void aRunWithAnApiKeyBecomesReadyAndTheKeyLeaksNowhere() throws Exception {
        Map<String, String> env = children.env(Map.of());
        env.put("AIM_API_KEY", KEY);
        env.put("HF_TOKEN", HF_TOKEN);
        Process run = children.start(env, "--log-format", "json", "--debug");

        RunState s = awaitServing(run);
        String cmdline = Files.readString(Path.of("/proc", String.valueOf(s.enginePid()), "cmdline"),
                StandardCharsets.ISO_8859_1);
        assertTrue(cmdline.contains("serve"), cmdline);
        assertFalse(cmdline.contains(KEY), "the key is on the engine's command line");
        assertFalse(cmdline.contains(HF_TOKEN), "the token is on the engine's command line");
        // The engine got the key (VLLM_API_KEY), and refuses a client without it.
        assertEquals(401, get("/v1/models", null));
        assertEquals(200, get("/v1/models", KEY));
        String stateWhileServing = Files.readString(new RunStateFile(dir.resolve("state")).path());

        CliRunner.Result status = new CliRunner(dir.resolve("home")).env(env).run("status");
        assertEquals(0, status.exit(), status.out());
        assertTrue(status.out().contains(": healthy, serves "), status.out());

        run.destroy();
        assertTrue(run.waitFor(30, TimeUnit.SECONDS));
        assertEquals(143, run.exitValue());

        List<String> places = new ArrayList<>(List.of("state file: " + stateWhileServing, "status: " + status.out()
                + status.err()));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(dir.resolve("bin"))).toList()) {
                places.add(f + ": " + Files.readString(f, StandardCharsets.ISO_8859_1));
            }
        }
        String out = Files.readString(dir.resolve("out.txt")) + Files.readString(dir.resolve("err.txt"));
        assertTrue(out.contains("\"step\":\"await-health\""), out);
        for (String place : places) {
            assertFalse(place.contains(KEY), "the key leaked into " + place);
            assertFalse(place.contains(HF_TOKEN), "the token leaked into " + place);
        }
    }

    private RunState awaitServing(Process run) throws Exception {
        RunStateFile file = new RunStateFile(dir.resolve("state"));
        while (true) {
            Optional<RunState> s = Files.exists(file.path()) ? file.read() : Optional.empty();
            if (s.isPresent()) {
                children.engineGroup(s.get().processGroup());
                if (s.get().phase().equals("serving")) {
                    return s.get();
                }
            }
            assertTrue(run.isAlive(), "run exited early: " + Files.readString(dir.resolve("err.txt")));
            Thread.sleep(100);
        }
    }

    private int get(String path, String key) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
