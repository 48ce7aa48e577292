package aimengine.engine;

import java.util.List;

/**
 * Everything aim-engine knows about running one engine over several identical nodes, per engine.
 * <ul>
 * <li>Parallelism: vLLM keeps tensor parallelism inside a node (NVLink / Infinity Fabric) and runs one pipeline
 * stage per node, as its multi-node guide recommends; SGLang's launcher shards tensor-parallel over every GPU of
 * every node ({@code --tp-size} = all GPUs, {@code --nnodes} = nodes).</li>
 * <li>Runtime: SGLang always uses its own ({@code --nnodes --node-rank --dist-init-addr}). vLLM uses its own
 * multi-node mode ({@code --nnodes --node-rank --master-addr --master-port}, workers {@code --headless}) when the
 * version's flag catalog has {@code --nnodes} (v0.16 on), else Ray ({@code ray start --head} / {@code --address},
 * {@code --distributed-executor-backend ray} on the leader only).</li>
 * </ul>
 */
public final class NodeSpanning {
    private NodeSpanning() {
    }

    /** Tensor-parallel and pipeline-parallel sizes. */
    public record Parallelism(int tensor, int pipeline) {
    }

    /** How the ranks of a group find each other. */
    public enum Runtime {
        /** Ray cluster: a head on rank 0, workers join it; only rank 0 runs the engine. */
        RAY(6379),
        /** The engine's own multi-node launcher on every rank. */
        NATIVE_VLLM(29501),
        NATIVE_SGLANG(5000);

        private final int defaultPort;

        Runtime(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        /** The leader's rendezvous port when --leader-address gives none (Ray's GCS port; the engines' defaults). */
        public int defaultPort() {
            return defaultPort;
        }

        /** Whether rank R runs the engine itself (on Ray only the leader does; workers lend their GPUs). */
        public boolean rankRunsEngine(int rank) {
            return this != RAY || rank == 0;
        }

        public String key() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    public static Parallelism parallelism(Backend backend, int gpusPerNode, int nodes) {
        return switch (backend) {
            case VLLM -> new Parallelism(gpusPerNode, nodes);
            case SGLANG -> new Parallelism(gpusPerNode * nodes, 1);
        };
    }

    /** The runtime for this engine version (its flag catalog says whether it has a multi-node mode of its own). */
    public static Runtime runtime(FlagCatalog catalog) {
        return switch (catalog.backend()) {
            case VLLM -> catalog.find("--nnodes").isPresent() ? Runtime.NATIVE_VLLM : Runtime.RAY;
            case SGLANG -> Runtime.NATIVE_SGLANG;
        };
    }

    /** Flags a multi-node plan owns (a recipe's values for them are dropped): all take a value but --headless. */
    public static List<String> ownedFlags(Backend backend) {
        return switch (backend) {
            case VLLM -> List.of("--pipeline-parallel-size", "-pp", "--distributed-executor-backend", "--nnodes", "-n",
                    "--node-rank", "-r", "--master-addr", "--master-port", "--headless");
            case SGLANG -> List.of("--pp-size", "--pipeline-parallel-size", "--nnodes", "--node-rank",
                    "--dist-init-addr", "--nccl-init-addr");
        };
    }

    /** Flags of the whole group (same on every rank), after the tensor-parallel size. */
    public static List<String> groupArgs(Backend backend, int nodes, Parallelism p) {
        return switch (backend) {
            case VLLM -> List.of("--pipeline-parallel-size", String.valueOf(p.pipeline()));
            case SGLANG -> List.of("--nnodes", String.valueOf(nodes));
        };
    }

    /** Flags of one rank: how it reaches the leader. */
    public static List<String> rankArgs(Runtime runtime, int nodes, int rank, String leaderHost, int port) {
        return switch (runtime) {
            case RAY -> List.of("--distributed-executor-backend", "ray");
            case NATIVE_VLLM -> {
                List<String> args = new java.util.ArrayList<>(List.of("--nnodes", String.valueOf(nodes), "--node-rank",
                        String.valueOf(rank), "--master-addr", leaderHost, "--master-port", String.valueOf(port)));
                if (rank > 0) {
                    args.add("--headless");
                }
                yield args;
            }
            case NATIVE_SGLANG -> List.of("--node-rank", String.valueOf(rank), "--dist-init-addr", leaderHost + ":" + port);
        };
    }
}
