package aimengine.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstalledEngineFlagsTest {
    private static final String DUMP = "[{\"o\":[\"-h\",\"--help\"],\"n\":0,\"c\":null,\"k\":\"_HelpAction\"},"
            + "{\"o\":[\"--max-model-len\"],\"n\":null,\"c\":null,\"k\":\"_StoreAction\"},"
            + "{\"o\":[\"--dtype\"],\"n\":null,\"c\":[\"auto\",\"half\"],\"k\":\"_StoreAction\"},"
            + "{\"o\":[\"--enforce-eager\",\"--no-enforce-eager\"],\"n\":0,\"c\":null,\"k\":\"BooleanOptionalAction\"},"
            + "{\"o\":[\"--tensor-parallel-size\",\"-tp\"],\"n\":null,\"c\":null,\"k\":\"_StoreAction\"},"
            + "{\"o\":[\"--trust-remote-code\"],\"n\":0,\"c\":null,\"k\":\"_StoreTrueAction\"},"
            + "{\"o\":[\"--middleware\"],\"n\":null,\"c\":null,\"k\":\"_AppendAction\"},"
            + "{\"o\":[\"--allowed-origins\"],\"n\":\"+\",\"c\":null,\"k\":\"_StoreAction\"},"
            + "{\"o\":[],\"n\":\"?\",\"c\":null,\"k\":\"_StoreAction\"}]";

    @TempDir
    Path cache;

    /** Answers like python3 with vLLM installed; counts what it was asked. */
    private final List<String> asked = new ArrayList<>();

    private InstalledEngineFlags.Runner installed(String version) {
        return (argv, timeout) -> {
            String script = argv.get(2);
            asked.add(script.contains("importlib.metadata") ? "version" : "dump");
            return Optional.of(script.contains("importlib.metadata") ? version + "\n" : "INFO importing vllm\n" + DUMP + "\n");
        };
    }

    @Test
    void readsTheParserDumpAndCachesItPerVersion() throws Exception {
        InstalledEngineFlags flags = new InstalledEngineFlags(installed("0.19.0"), cache, Duration.ofSeconds(5));
        FlagCatalog c = flags.ask(Backend.VLLM).orElseThrow();
        assertEquals("vllm v0.19.0 (installed)", c.label());
        assertEquals(List.of("--max-model-len:value", "--dtype:value", "--enforce-eager:bool-optional",
                "--tensor-parallel-size:value", "--trust-remote-code:store_true", "--middleware:append",
                "--allowed-origins:list"), c.all().stream().map(s -> s.flag() + ":" + s.kind()).toList());
        assertEquals(List.of("auto", "half"), c.find("--dtype").orElseThrow().choices());
        assertTrue(c.find("-tp").isPresent());
        assertTrue(c.isNegation("--no-enforce-eager"));
        assertTrue(Files.isRegularFile(cache.resolve("vllm-0.19.0.json")));

        flags.ask(Backend.VLLM).orElseThrow();
        assertEquals(List.of("version", "dump", "version"), asked);

        new InstalledEngineFlags(installed("0.20.0"), cache, Duration.ofSeconds(5)).ask(Backend.VLLM).orElseThrow();
        assertEquals(List.of("version", "dump", "version", "version", "dump"), asked);
    }

    @Test
    void emptyWhenTheEngineCannotBeAsked() {
        InstalledEngineFlags missing = new InstalledEngineFlags((argv, t) -> Optional.empty(), cache, Duration.ofSeconds(5));
        assertEquals(Optional.empty(), missing.ask(Backend.SGLANG));
        InstalledEngineFlags garbled = new InstalledEngineFlags(
                (argv, t) -> Optional.of(argv.get(2).contains("importlib") ? "0.5.18" : "Traceback: no GPU"), cache,
                Duration.ofSeconds(5));
        assertEquals(Optional.empty(), garbled.ask(Backend.SGLANG));
        assertTrue(!Files.exists(cache.resolve("sglang-0.5.18.json")));
    }

    @Test
    void theProcessRunnerReportsAMissingPythonAsEmpty() {
        InstalledEngineFlags.Runner r = InstalledEngineFlags.processRunner(java.util.Map.of("PATH", cache.toString()));
        assertEquals(Optional.empty(), r.run(List.of("python3", "-c", "print(1)"), Duration.ofSeconds(5)));
    }
}
