package aimengine.engine;

import java.util.List;
import java.util.Map;

/**
 * The engine profiles, one per engine. Sources: the engines' argument parsers as captured in the flag catalogs
 * (planner/src/main/resources/aim/engines) and their documented start-up and health behaviour (SOURCES.md there).
 */
final class EngineProfiles {
    private EngineProfiles() {
    }

    /** The last line of each parser dump: option strings, nargs, choices, action class and type of every action. */
    private static final String DUMP = "print(json.dumps([dict(o=a.option_strings,n=a.nargs,"
            + "c=[str(x) for x in a.choices] if a.choices else None,k=type(a).__name__,"
            + "t=getattr(a.type,'__name__',None)) for a in p._actions]))";

    /** Engines are Python: unbuffered, their lines (and failure lines) arrive as they print them. */
    private static final Map<String, String> PYTHON_ENV = Map.of("PYTHONUNBUFFERED", "1");

    /** Tokens the Hugging Face libraries inside both engines read. */
    private static final List<String> HUB_TOKENS = List.of("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN");

    /**
     * vLLM: {@code vllm serve MODEL}, the model positional; /health answers once loaded,
     * /metrics always; ready line "Application startup complete."; KV-cache usage is vllm:kv_cache_usage_perc (before
     * v0.10: vllm:gpu_cache_usage_perc). Over several nodes: tensor parallelism inside a node and one pipeline stage per
     * node, as its multi-node guide recommends; its own launcher ({@code --nnodes --node-rank --master-addr
     * --master-port}, workers {@code --headless}) from v0.16, Ray before.
     */
    static final EngineProfile VLLM = new EngineProfile(Backend.VLLM, "vLLM", List.of("vllm", "serve"), null,
            Map.of(EngineSetting.MODEL, List.of("--model"),
                    EngineSetting.TENSOR_PARALLEL, List.of("--tensor-parallel-size", "-tp"),
                    EngineSetting.PORT, List.of("--port"),
                    EngineSetting.HOST, List.of("--host"),
                    EngineSetting.CONTEXT_LENGTH, List.of("--max-model-len"),
                    EngineSetting.MEMORY_FRACTION, List.of("--gpu-memory-utilization"),
                    EngineSetting.KV_CACHE_DTYPE, List.of("--kv-cache-dtype"),
                    EngineSetting.SERVED_MODEL_NAME, List.of("--served-model-name")),
            0.9,
            new EngineProfile.Serving("/health", "/v1/models", "/metrics", null, "Application startup complete.",
                    new EngineSeries("vllm:num_requests_running", "vllm:num_requests_waiting",
                            List.of("vllm:kv_cache_usage_perc", "vllm:gpu_cache_usage_perc"),
                            "vllm:time_to_first_token_seconds", "vllm:generation_tokens_total")),
            PYTHON_ENV,
            "import json\n"
                    + "try:\n from vllm.utils.argparse_utils import FlexibleArgumentParser as P\n"
                    + "except ImportError:\n from vllm.utils import FlexibleArgumentParser as P\n"
                    + "from vllm.entrypoints.openai.cli_args import make_arg_parser as m\n"
                    + "p=m(P())\n" + DUMP + "\n",
            "vLLM is not installed: no 'vllm' program on PATH; run aim-engine in a vLLM container or pip install vllm",
            List.of("--api-key", "--hf-token"),
            java.util.stream.Stream.concat(HUB_TOKENS.stream(), java.util.stream.Stream.of("VLLM_API_KEY")).toList(),
            "VLLM_API_KEY", "--api-key",
            new EngineProfile.MultiNode(false, "--pipeline-parallel-size",
                    List.of("--pipeline-parallel-size", "-pp", "--distributed-executor-backend", "--nnodes", "-n",
                            "--node-rank", "-r", "--master-addr", "--master-port", "--headless"),
                    NodeSpanning.Runtime.NATIVE_VLLM, "--nnodes"));

    /**
     * SGLang: {@code python3 -m sglang.launch_server --model-path MODEL}; /health is 503
     * until warmed up, /metrics only with --enable-metrics (its KV-cache usage is sglang:token_usage); ready line "The
     * server is fired up and ready to roll!".
     * Its static memory fraction default depends on the model; 0.85 is its usual value. Over several nodes its launcher
     * shards tensor parallelism over every GPU of every node ({@code --tp-size} = all GPUs, {@code --nnodes},
     * {@code --node-rank --dist-init-addr}).
     */
    static final EngineProfile SGLANG = new EngineProfile(Backend.SGLANG, "SGLang",
            List.of("python3", "-m", "sglang.launch_server"), "--model-path",
            Map.of(EngineSetting.MODEL, List.of("--model-path", "--model"),
                    EngineSetting.TENSOR_PARALLEL, List.of("--tp-size", "--tensor-parallel-size"),
                    EngineSetting.PORT, List.of("--port"),
                    EngineSetting.HOST, List.of("--host"),
                    EngineSetting.CONTEXT_LENGTH, List.of("--context-length"),
                    EngineSetting.MEMORY_FRACTION, List.of("--mem-fraction-static"),
                    EngineSetting.KV_CACHE_DTYPE, List.of("--kv-cache-dtype"),
                    EngineSetting.SERVED_MODEL_NAME, List.of("--served-model-name")),
            0.85,
            new EngineProfile.Serving("/health", "/v1/models", "/metrics", "--enable-metrics",
                    "The server is fired up and ready to roll!",
                    new EngineSeries("sglang:num_running_reqs", "sglang:num_queue_reqs", List.of("sglang:token_usage"),
                            "sglang:time_to_first_token_seconds", "sglang:generation_tokens_total")),
            PYTHON_ENV,
            "import argparse,json\n"
                    + "from sglang.srt.server_args import ServerArgs\n"
                    + "p=argparse.ArgumentParser()\nServerArgs.add_cli_args(p)\n" + DUMP + "\n",
            "SGLang is not installed: python3 cannot import the 'sglang' module; run aim-engine in an SGLang container"
                    + " or use --backend vllm",
            List.of("--api-key", "--admin-api-key"),
            HUB_TOKENS, null, "--api-key",
            new EngineProfile.MultiNode(true, "--nnodes",
                    List.of("--pp-size", "--pipeline-parallel-size", "--nnodes", "--node-rank", "--dist-init-addr",
                            "--nccl-init-addr"),
                    NodeSpanning.Runtime.NATIVE_SGLANG, null));
}
