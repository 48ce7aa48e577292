package aimengine.cli.command;

import aimengine.cli.launch.GroupAddress;
import aimengine.cli.launch.GroupRole;
import aimengine.io.InputException;
import picocli.CommandLine.Option;

/** The options of one rank of a multi-node run (with --nodes N from the plan options). */
public final class GroupMixin {
    /** aim-engine's own group channel on the leader (join and liveness), apart from the engines' runtime ports. */
    static final int DEFAULT_GROUP_PORT = 29400;

    @Option(names = "--node-rank", paramLabel = "R", description = "This machine's rank in a multi-node group: 0 leads (serves the API), 1..N-1 join it.")
    Integer rank;

    @Option(names = "--leader-address", paramLabel = "HOST[:PORT]", description = "The leader (rank 0) and, optionally, the port of the engine's distributed runtime (default: Ray 6379, vLLM 29501, SGLang 5000).")
    String leader;

    @Option(names = "--group-port", paramLabel = "PORT", description = "aim-engine's group channel on the leader, where ranks join and are watched (default: " + DEFAULT_GROUP_PORT + ").")
    Integer groupPort;

    @Option(names = "--network-interface", paramLabel = "IF", description = "Network interface for NCCL/RCCL and Gloo (sets NCCL_SOCKET_IFNAME and GLOO_SOCKET_IFNAME).")
    String networkInterface;

    @Option(names = "--node-address", paramLabel = "IP", description = "This machine's address for the engines (VLLM_HOST_IP, Ray); default: the address it reaches the leader from.")
    String nodeAddress;

    public boolean active() {
        return rank != null || leader != null;
    }

    /** @param nodes --nodes, or null when not given */
    public GroupRole role(Integer nodes) {
        if (rank == null || leader == null || nodes == null) {
            throw new InputException("--node-rank", 0, "a multi-node run needs --nodes N, --node-rank R and"
                    + " --leader-address HOST[:PORT] together");
        }
        if (nodes < 2) {
            throw new InputException("--nodes", 0, nodes + ": a multi-node run needs at least 2 nodes");
        }
        if (rank < 0 || rank >= nodes) {
            throw new InputException("--node-rank", 0, rank + ": must be between 0 and " + (nodes - 1) + " (--nodes " + nodes + ")");
        }
        int port = groupPort == null ? DEFAULT_GROUP_PORT : groupPort;
        if (port < 1 || port > 65535) {
            throw new InputException("--group-port", 0, port + " is not a port number (1-65535)");
        }
        return new GroupRole(nodes, rank, GroupAddress.parse(leader), port, networkInterface, nodeAddress);
    }
}
