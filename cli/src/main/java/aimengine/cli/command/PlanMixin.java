package aimengine.cli.command;

import aimengine.engine.Backend;
import aimengine.facts.NodeRequest;
import aimengine.facts.PlanRequest;
import aimengine.hardware.Precision;
import aimengine.io.InputException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options shared by every command that plans: plan, config, run. */
public final class PlanMixin {
    @Parameters(index = "0", paramLabel = "MODEL", description = "Model to serve: a Hugging Face id (Qwen/Qwen3-32B) or a local model folder.")
    public String model;

    @Option(names = "--host", paramLabel = "FILE", description = "Plan for the GPUs a host profile describes instead of detecting them.")
    public Path host;

    @Option(names = "--gpus", paramLabel = "N", description = "GPU count to use; when no candidate works at that count, the largest smaller count that works is used (never more than N; --strict: no fallback).")
    public Integer gpus;

    @Option(names = "--precision", paramLabel = "P", description = "Preferred precision: bf16, fp16, fp8, mxfp4, int8, int4.")
    public String precision;

    @Option(names = "--backend", paramLabel = "ENGINE", description = "Engine: vllm or sglang; without it vLLM is preferred and SGLang is the stated fallback.")
    public String backend;

    @Option(names = "--metric", paramLabel = "M", defaultValue = "latency", description = "Optimise for latency (more GPUs) or throughput (fewer GPUs per replica); default: ${DEFAULT-VALUE}.")
    public String metric;

    @Option(names = "--recipe", paramLabel = "ID", description = "Pin a recipe; it is preferred over all others (see --strict).")
    public String recipe;

    @Option(names = "--nodes", paramLabel = "N", description = "Most machines a plan may use (default: the host profile's nodes, else 1); on a live host, N machines like this one. One node is used whenever one works.")
    public Integer nodes;

    @Option(names = "--strict", description = "Make any fallback (GPU count, precision, pinned recipe) an error instead.")
    public boolean strict;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Hugging Face hub cache (default: CACHE_DIR, HF_HUB_CACHE, HF_HOME/hub, ~/.cache/huggingface/hub).")
    public Path cacheDir;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = "/", description = "Root of the file system the GPU probes read (default: ${DEFAULT-VALUE}).")
    public Path root;

    @Mixin
    public DataMixin data;

    @Mixin
    public TrustMixin trust;

    /**
     * How many nodes the plan may use: --nodes, else the host profile's nodes; --strict with --nodes: exactly. (An
     * int, not the HostView: picocli reflects on this class for --help, which must load no planner class.)
     */
    public NodeRequest nodeRequest(int profileNodes) {
        if (nodes != null && (nodes < 1 || nodes > 1024)) {
            throw new InputException("--nodes " + nodes + ": must be between 1 and 1024");
        }
        int max = nodes != null ? nodes : profileNodes;
        return new NodeRequest(max, nodes != null, strict && nodes != null);
    }

    /** Validates the flags that picocli cannot, and turns them into the planner's request. */
    public PlanRequest request() {
        if (gpus != null && (gpus < 1 || gpus > 1024)) {
            throw new InputException("--gpus " + gpus + ": must be between 1 and 1024");
        }
        if (precision != null && Precision.parse(precision) == null) {
            throw new InputException("--precision " + precision + ": unknown; expected one of " + Precision.allowed());
        }
        Backend b = backend == null ? null : Backend.parse(backend);
        if (backend != null && b == null) {
            throw new InputException("--backend " + backend + ": unknown; expected vllm or sglang");
        }
        String m = metric.toLowerCase();
        if (!m.equals("latency") && !m.equals("throughput")) {
            throw new InputException("--metric " + metric + ": expected latency or throughput");
        }
        return new PlanRequest(model, gpus == null ? 0 : gpus,
                precision == null ? null : Precision.parse(precision).key(), b == null ? null : b.key(), m, recipe, strict);
    }
}
