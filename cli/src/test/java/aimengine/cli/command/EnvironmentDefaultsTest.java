package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import aimengine.cli.CliRunner;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AIM_BACKEND gives --backend its default (the SGLang image sets it); the flag still wins. */
class EnvironmentDefaultsTest {
    private static final String HOST = CliRunner.ROOT.resolve("examples/hosts/mi300x-8.yaml").toString();

    @TempDir
    Path home;

    private String backend(CliRunner cli, String... extra) throws Exception {
        String[] args = new String[] {"plan", "Qwen/Qwen3-32B", "--host", HOST, "--output", "json"};
        String[] all = Stream.concat(Arrays.stream(args), Arrays.stream(extra))
                .toArray(String[]::new);
        CliRunner.Result r = cli.run(all);
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(r.out()).path("selected").path("backend").asText();
    }

    @Test
    void aimBackendSetsTheDefaultBackend() throws Exception {
        assertEquals("sglang", backend(new CliRunner(home).env("AIM_BACKEND", "sglang")));
    }

    @Test
    void withoutAimBackendTheDefaultIsVllm() throws Exception {
        assertEquals("vllm", backend(new CliRunner(home)));
    }

    @Test
    void theFlagWinsOverAimBackend() throws Exception {
        assertEquals("vllm", backend(new CliRunner(home).env("AIM_BACKEND", "sglang"), "--backend", "vllm"));
    }
}
