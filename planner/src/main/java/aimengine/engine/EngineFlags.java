package aimengine.engine;


/** Names of the flags aim-engine itself reads or sets, per engine, and flag-name normalisation. */
public final class EngineFlags {
    private EngineFlags() {
    }

    /** Engines accept '_' and '-' alike in flag names; compare them so. */
    public static String normalize(String flag) {
        String f = flag.startsWith("--") ? flag : "--" + flag;
        return "--" + f.substring(2).replace('_', '-');
    }

    public static boolean sameFlag(String a, String b) {
        return normalize(a).equals(normalize(b));
    }

    public static String[] tensorParallel(Backend b) {
        return b == Backend.VLLM ? new String[] {"--tensor-parallel-size", "-tp"} : new String[] {"--tp-size", "--tensor-parallel-size", "--tp"};
    }

    public static String[] contextLength(Backend b) {
        return b == Backend.VLLM ? new String[] {"--max-model-len"} : new String[] {"--context-length"};
    }

    public static String[] memoryFraction(Backend b) {
        return b == Backend.VLLM ? new String[] {"--gpu-memory-utilization"} : new String[] {"--mem-fraction-static"};
    }

    public static String[] kvCacheDtype(Backend b) {
        return new String[] {"--kv-cache-dtype"};
    }

    /**
     * The switch that makes the engine serve Prometheus metrics at /metrics, which aim-engine always sets: vLLM serves
     * them without one; SGLang only with --enable-metrics.
     */
    public static String[] metrics(Backend b) {
        return b == Backend.VLLM ? new String[] {} : new String[] {"--enable-metrics"};
    }

    public static String[] model(Backend b) {
        return b == Backend.VLLM ? new String[] {"--model"} : new String[] {"--model-path", "--model"};
    }

    public static String[] port(Backend b) {
        return new String[] {"--port"};
    }

    public static String[] host(Backend b) {
        return new String[] {"--host"};
    }

    /** vLLM's documented default; SGLang's static fraction default differs by model size, 0.85 is its usual value. */
    public static double defaultMemoryFraction(Backend b) {
        return b == Backend.VLLM ? 0.9 : 0.85;
    }
}
