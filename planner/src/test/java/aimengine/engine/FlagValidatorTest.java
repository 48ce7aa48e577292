package aimengine.engine;

import static aimengine.engine.Backend.SGLANG;
import static aimengine.engine.Backend.VLLM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlagValidatorTest {
    private static final FlagCatalogs CATALOGS = FlagCatalogs.builtin();
    private final FlagValidator validator = new FlagValidator(CATALOGS);

    @ParameterizedTest(name = "{0} {1}={2}")
    @CsvSource(nullValues = "NULL", value = {
            "vllm, --max-model-len, 32768",
            "vllm, --max-model-len, 32k",
            "vllm, --max_model_len, 1024",
            "vllm, --enforce-eager, NULL",
            "vllm, --enforce-eager, true",
            "vllm, --enforce-eager, TRUE",
            "vllm, --enforce-eager, false",
            "vllm, --no-enable-prefix-caching, NULL",
            "vllm, --trust-remote-code, true",
            "vllm, --dtype, bfloat16",
            "vllm, --gpu-memory-utilization, 0.9",
            "vllm, --tensor-parallel-size, 8",
            "vllm, -tp, 8",
            "vllm, --compilation-config, '{\"cudagraph_mode\":\"FULL_AND_PIECEWISE\"}'",
            "sglang, --tp-size, 8",
            "sglang, --tensor-parallel-size, 8",
            "sglang, --mem-fraction-static, 0.85",
            "sglang, --trust-remote-code, NULL",
            "sglang, --context-length, 32768",
            "vllm, --max-model-len, -1",
            "vllm, --max-model-len, auto",
            "vllm, --gpu-memory-utilization, 1",
    })
    void acceptsWhatTheEngineAccepts(String backend, String flag, String value) {
        assertEquals(List.of(), validator.check(Backend.parse(backend), flag, value));
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @CsvSource(nullValues = "NULL", delimiter = '|', value = {
            "vllm   | --enforce-eager        | yes          | '--enforce-eager' is a switch and takes no value, found 'yes'; write true or null to pass it, false to leave it out",
            "sglang | --trust-remote-code    | 1            | '--trust-remote-code' is a switch and takes no value, found '1'",
            "vllm   | --max-model-len        | NULL         | '--max-model-len' needs a value",
            "vllm   | --dtype                | float8_e4m3  | '--dtype' does not accept 'float8_e4m3'; vllm v0.19.0 accepts auto, bfloat16, float, float16, float32, half",
            "vllm   | --max-num-seqs         | many         | '--max-num-seqs' takes a whole number, found 'many'",
            "vllm   | --gpu-memory-utilization | high       | '--gpu-memory-utilization' takes a number, found 'high'",
            "vllm   | --max-model-len        | lots         | '--max-model-len' takes a whole number such as 32768 or 32k, found 'lots'",
            "vllm   | --compilation-config   | '{\"level\":' | '--compilation-config' takes valid JSON",
            "sglang | --gpu-memory-utilization | 0.9        | '--gpu-memory-utilization' is vLLM's flag; SGLang does not accept it (SGLang uses '--mem-fraction-static')",
            "sglang | --max-model-len        | 32768        | '--max-model-len' is vLLM's flag; SGLang does not accept it (SGLang uses '--context-length')",
            "vllm   | --mem-fraction-static  | 0.85         | '--mem-fraction-static' is SGLang's flag; vLLM does not accept it (vLLM uses '--gpu-memory-utilization')",
            "vllm   | --max-modle-len        | 1024         | unknown flag '--max-modle-len' for vllm v0.19.0 (did you mean '--max-model-len'?)",
            "vllm   | --frobnicate           | NULL         | unknown flag '--frobnicate' for vllm v0.19.0",
            "vllm   | --max-model-len        | -5           | '--max-model-len' takes a context length above zero (or -1 or auto), found '-5'",
            "vllm   | --max_model_len        | 0            | '--max_model_len' takes a context length above zero (or -1 or auto), found '0'",
            "sglang | --context-length       | -1           | '--context-length' takes a context length above zero, found '-1'",
            "vllm   | --gpu-memory-utilization | 1.5        | '--gpu-memory-utilization' takes a fraction of GPU memory above 0 and at most 1, found '1.5'",
            "sglang | --mem-fraction-static  | 0            | '--mem-fraction-static' takes a fraction of GPU memory above 0 and at most 1, found '0'",
    })
    void refusesWhatTheEngineRefuses(String backend, String flag, String value, String message) {
        List<FlagIssue> issues = validator.check(Backend.parse(backend), flag, value);
        assertEquals(1, issues.size(), issues.toString());
        assertEquals(Severity.ERROR, issues.get(0).severity());
        assertTrue(issues.get(0).message().startsWith(message), issues.get(0).message());
    }

    @Test
    void removedFlagNamesTheLastVersionThatHadIt() {
        List<FlagIssue> issues = validator.check(VLLM, "--swap-space", "16");
        assertEquals(List.of(FlagIssue.warning("'--swap-space' was removed after vllm v0.16.0 (vllm v0.19.0 refuses it);"
                + " remove it or pin that engine version")), issues);
    }

    @Test
    void deprecatedFlagNamesItsReplacement() {
        assertEquals(List.of(FlagIssue.warning("'--stream-output' is deprecated in sglang v0.5.18; use"
                + " '--incremental-streaming-output' instead")), validator.check(SGLANG, "--stream-output", null));
    }

    @Test
    void deprecatedNoOpSaysItDoesNothing() {
        assertEquals(List.of(FlagIssue.warning("'--prefill-round-robin-balance' is deprecated in sglang v0.5.18 and has"
                + " no effect; remove it")), validator.check(SGLANG, "--prefill-round-robin-balance", null));
    }

    @Test
    void olderCatalogKnowsOldFlagsAndNotNewOnes() {
        FlagCatalog v016 = CATALOGS.version(VLLM, "0.16.0").orElseThrow();
        assertEquals(List.of(), validator.check(v016, "--swap-space", "16"));
        assertEquals(List.of(FlagIssue.error("'--language-model-only' is not known to vllm v0.16.0; it was added in"
                + " vllm v0.19.0")), validator.check(v016, "--language-model-only", null));
    }

    @Test
    void aWrongValueOfADeprecatedFlagGivesBoth() {
        List<FlagIssue> issues = validator.check(SGLANG, "--stream-output", "yes");
        assertEquals(List.of(Severity.ERROR, Severity.WARNING), issues.stream().map(FlagIssue::severity).toList());
    }
}
