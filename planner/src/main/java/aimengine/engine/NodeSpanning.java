package aimengine.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Running one engine over several identical nodes: the sizes, the runtime and the flags, computed from each engine's
 * {@link EngineProfile.MultiNode} (what differs between engines is there, in its profile) and from the runtime (how
 * the ranks of a group find each other).
 */
public final class NodeSpanning {
    private NodeSpanning() {
    }

    /** Tensor-parallel and pipeline-parallel sizes. */
    public record Parallelism(int tensor, int pipeline) {
    }

    /** How the ranks of a group find each other, and the flags each rank gets for it. */
    public enum Runtime {
        /** Ray cluster: a head on rank 0, workers join it; only rank 0 runs the engine. */
        RAY(6379) {
            @Override
            List<String> rankArgs(int nodes, int rank, String leaderHost, int port) {
                return List.of("--distributed-executor-backend", "ray");
            }
        },
        /** vLLM's own multi-node launcher on every rank; the workers run headless. */
        NATIVE_VLLM(29501) {
            @Override
            List<String> rankArgs(int nodes, int rank, String leaderHost, int port) {
                List<String> args = new ArrayList<>(List.of("--nnodes", String.valueOf(nodes), "--node-rank",
                        String.valueOf(rank), "--master-addr", leaderHost, "--master-port", String.valueOf(port)));
                if (rank > 0) {
                    args.add("--headless");
                }
                return args;
            }
        },
        /** SGLang's launcher on every rank. */
        NATIVE_SGLANG(5000) {
            @Override
            List<String> rankArgs(int nodes, int rank, String leaderHost, int port) {
                return List.of("--node-rank", String.valueOf(rank), "--dist-init-addr", leaderHost + ":" + port);
            }
        };

        private final int defaultPort;

        Runtime(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        /** The flags of one rank: how it reaches the leader. */
        abstract List<String> rankArgs(int nodes, int rank, String leaderHost, int port);

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
        return backend.profile().multiNode().tensorAcrossNodes() ? new Parallelism(gpusPerNode * nodes, 1)
                : new Parallelism(gpusPerNode, nodes);
    }

    /** The runtime for this engine version: its own launcher when the version's flag catalog has it, else Ray. */
    public static Runtime runtime(FlagCatalog catalog) {
        EngineProfile.MultiNode m = catalog.backend().profile().multiNode();
        return m.nativeSince() == null || catalog.find(m.nativeSince()).isPresent() ? m.nativeRuntime() : Runtime.RAY;
    }

    /** Flags a multi-node plan owns (a recipe's values for them are dropped): all take a value but --headless. */
    public static List<String> ownedFlags(Backend backend) {
        return backend.profile().multiNode().ownedFlags();
    }

    /** Flags of the whole group (same on every rank), after the tensor-parallel size. */
    public static List<String> groupArgs(Backend backend, int nodes, Parallelism p) {
        EngineProfile.MultiNode m = backend.profile().multiNode();
        return List.of(m.groupFlag(), String.valueOf(m.tensorAcrossNodes() ? nodes : p.pipeline()));
    }

    /** Flags of one rank: how it reaches the leader. */
    public static List<String> rankArgs(Runtime runtime, int nodes, int rank, String leaderHost, int port) {
        return runtime.rankArgs(nodes, rank, leaderHost, port);
    }
}
