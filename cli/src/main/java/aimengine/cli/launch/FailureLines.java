package aimengine.cli.launch;

import aimengine.engine.Backend;
import java.util.List;
import java.util.Optional;

/**
 * Engine log lines that name why a start failed, as vLLM and SGLang print them (the project's engine notes list
 * them), or say the engine is ready (each engine profile's ready line). Earlier entries are more specific: a run
 * that prints several keeps the first listed.
 */
public final class FailureLines {

    /** A known failure: the text to find in a line, and what it means for the user. */
    public record Known(String fragment, String cause) {
    }

    private static final List<Known> KNOWN = List.of(
            new Known("HIP out of memory", "the GPUs ran out of memory (lower --max-model-len or the memory fraction, or use more GPUs)"),
            new Known("CUDA out of memory", "the GPUs ran out of memory (lower --max-model-len or the memory fraction, or use more GPUs)"),
            new Known("Not enough memory. Please try to increase --mem-fraction-static", "SGLang has too little memory for the KV cache (raise --mem-fraction-static or use more GPUs)"),
            new Known("No available memory for the cache blocks", "no GPU memory is left for the KV cache (use more GPUs or a smaller model)"),
            new Known("is larger than the available KV cache memory", "the context does not fit the KV cache (lower --max-model-len)"),
            new Known("Inconsistent GPU visibility env vars", "HIP_VISIBLE_DEVICES and CUDA_VISIBLE_DEVICES disagree (set one family only)"),
            new Known("unrecognized arguments", "the engine does not know a flag (check --engine-version against the installed engine)"),
            new Known("invalid choice", "the engine refused a flag value"),
            new Known("Engine core initialization failed", "the engine core failed to start (see the engine lines before it)"));

    private FailureLines() {
    }

    public static Optional<Known> match(String line) {
        return KNOWN.stream().filter(k -> line.contains(k.fragment())).findFirst();
    }

    /** Whether a failure is more telling than another (listed earlier). */
    public static boolean moreSpecific(Known a, Known b) {
        return KNOWN.indexOf(a) < KNOWN.indexOf(b);
    }

    /** The engine's own "ready" line: the port is open, so a health check now is worth doing at once. */
    public static boolean isReady(String line) {
        return java.util.Arrays.stream(Backend.values()).anyMatch(b -> line.contains(b.profile().serving().readyLine()));
    }
}
