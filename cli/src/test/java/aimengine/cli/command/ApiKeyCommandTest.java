package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.CliRunner;
import aimengine.cli.launch.StandInEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API key as plan, config and a dry run show it: given each engine its way, and masked wherever it is shown. */
class ApiKeyCommandTest {
    private static final String KEY = "sk-test-0b1c2d3e4f5a6b7c8d9e";
    private static final String MODEL = RunCommandTest.MODEL;
    private static final String HOST = RunCommandTest.HOST;
    private static final String OPEN_WARNING = "the engine's API is open to the network";

    @TempDir
    Path dir;

    private Map<String, String> env;

    @BeforeEach
    void environment() {
        env = new HashMap<>(StandInEngine.env(StandInEngine.install(dir), Map.of()));
        env.put("AIM_STATE_DIR", dir.resolve("state").toString());
    }

    private CliRunner.Result run(String... args) {
        return new CliRunner(dir.resolve("home")).env(env).run(args);
    }

    private static void assertNoKey(CliRunner.Result r) {
        assertFalse(r.out().contains(KEY), r.out());
        assertFalse(r.err().contains(KEY), r.err());
    }

    @Test
    void sglangTakesTheKeyOnItsCommandLineAndADryRunMasksIt() throws Exception {
        env.put("AIM_API_KEY", KEY);
        CliRunner.Result text = run("run", MODEL, "--host", HOST, "--backend", "sglang", "--dry-run", "--engine-version", "v0.5.18");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains(" --api-key '***'") || text.out().contains(" --api-key ***"), text.out());
        assertNoKey(text);
        CliRunner.Result json = run("run", MODEL, "--host", HOST, "--backend", "sglang", "--dry-run", "--engine-version",
                "v0.5.18", "-o", "json", "--log-format", "json", "--debug");
        assertEquals(0, json.exit(), json.err());
        JsonNode argv = new ObjectMapper().readTree(json.out()).get("command");
        assertTrue(argv.toString().contains("\"--api-key\",\"***\""), argv.toString());
        assertNoKey(json);
    }

    @Test
    void planAndConfigMaskTheSglangKeyToo() {
        env.put("AIM_API_KEY", KEY);
        for (String[] args : new String[][] {
                {"plan", MODEL, "--host", HOST, "--backend", "sglang"},
                {"plan", MODEL, "--host", HOST, "--backend", "sglang", "-o", "json"},
                {"config", MODEL, "--host", HOST, "--backend", "sglang"},
                {"config", MODEL, "--host", HOST, "--backend", "sglang", "-o", "json"}}) {
            CliRunner.Result r = run(args);
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("--api-key"), r.out());
            assertNoKey(r);
        }
    }

    @Test
    void vllmGetsTheKeyInItsEnvironmentNeverOnItsCommandLine(@TempDir Path secrets) throws Exception {
        Path keyFile = secrets.resolve("api-key");
        Files.writeString(keyFile, KEY + "\n");
        CliRunner.Result r = run("run", MODEL, "--host", HOST, "--dry-run", "--engine-version", "v0.19.0", "--api-key-file",
                keyFile.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("  VLLM_API_KEY='***'") || r.out().contains("  VLLM_API_KEY=***"), r.out());
        assertFalse(r.out().contains("--api-key"), r.out());
        assertFalse(r.err().contains(OPEN_WARNING), r.err());
        assertNoKey(r);
    }

    @Test
    void withoutAKeyANetworkBindWarnsOnceAndALoopbackBindDoesNot() {
        CliRunner.Result open = run("run", MODEL, "--host", HOST, "--dry-run", "--engine-version", "v0.19.0");
        assertEquals(0, open.exit(), open.err());
        assertEquals(1, open.err().split(OPEN_WARNING, -1).length - 1, open.err());
        CliRunner.Result loopback = run("run", MODEL, "--host", HOST, "--dry-run", "--engine-version", "v0.19.0", "--bind",
                "127.0.0.1");
        assertFalse(loopback.err().contains(OPEN_WARNING), loopback.err());
    }

    @Test
    void anOverrideCannotPutAKeyOrATokenOnTheCommandLine() {
        for (String arg : new String[] {"api-key=" + KEY, "hf-token=" + KEY}) {
            CliRunner.Result r = run("run", MODEL, "--host", HOST, "--dry-run", "--engine-version", "v0.19.0", "--engine-arg", arg);
            assertEquals(2, r.exit(), r.err());
            assertNoKey(r);
        }
        CliRunner.Result code = run("run", MODEL, "--host", HOST, "--dry-run", "--engine-version", "v0.19.0", "--engine-arg",
                "trust-remote-code");
        assertEquals(2, code.exit(), code.err());
        assertTrue(code.err().contains("use aim-engine's --trust-remote-code"), code.err());
    }

    @Test
    void anEmptyOrUnreadableKeyIsBadInputWithoutTheKey(@TempDir Path secrets) throws Exception {
        env.put("AIM_API_KEY", "  ");
        assertEquals(2, run("plan", MODEL, "--host", HOST).exit());
        env.remove("AIM_API_KEY");
        env.put("AIM_API_KEY_FILE", secrets.resolve("missing").toString());
        CliRunner.Result r = run("plan", MODEL, "--host", HOST);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("cannot read the API key file"), r.err());
    }
}
