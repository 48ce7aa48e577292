package aimengine.cli.metrics;

import java.util.List;

/**
 * Which of an engine's own series `status` summarises. vLLM: {@code vllm:num_requests_running},
 * {@code vllm:num_requests_waiting}, {@code vllm:kv_cache_usage_perc} (before v0.10: {@code gpu_cache_usage_perc}),
 * {@code vllm:time_to_first_token_seconds}, {@code vllm:generation_tokens_total}; SGLang (with --enable-metrics):
 * {@code sglang:num_running_reqs}, {@code sglang:num_queue_reqs}, {@code sglang:token_usage},
 * {@code sglang:time_to_first_token_seconds}, {@code sglang:generation_tokens_total}.
 *
 * @param kvCacheUsage the first of these that the engine exports is used (0 to 1)
 * @param ttft         a histogram's base name (its _bucket series are read)
 */
public record EngineMetricNames(String running, String waiting, List<String> kvCacheUsage, String ttft,
                                String generationTokens) {

    public static final EngineMetricNames VLLM = new EngineMetricNames("vllm:num_requests_running",
            "vllm:num_requests_waiting", List.of("vllm:kv_cache_usage_perc", "vllm:gpu_cache_usage_perc"),
            "vllm:time_to_first_token_seconds", "vllm:generation_tokens_total");
    public static final EngineMetricNames SGLANG = new EngineMetricNames("sglang:num_running_reqs",
            "sglang:num_queue_reqs", List.of("sglang:token_usage"), "sglang:time_to_first_token_seconds",
            "sglang:generation_tokens_total");

    /** Every series name a dashboard may query for this engine. */
    public List<String> all() {
        List<String> all = new java.util.ArrayList<>(List.of(running, waiting, ttft + "_bucket", generationTokens));
        all.addAll(kvCacheUsage);
        return all;
    }

    public static EngineMetricNames of(String backend) {
        return "sglang".equals(backend) ? SGLANG : VLLM;
    }
}
