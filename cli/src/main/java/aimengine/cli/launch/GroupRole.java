package aimengine.cli.launch;

/**
 * This node's place in a multi-node group.
 *
 * @param nodes            machines in the group (--nodes)
 * @param rank             this machine's rank (--node-rank); 0 is the leader, which serves the API
 * @param leader           the leader's address and the runtime port (--leader-address)
 * @param groupPort        aim-engine's group channel on the leader (--group-port)
 * @param networkInterface the interface NCCL/RCCL and Gloo use (--network-interface), or null to let them choose
 * @param nodeAddress      this machine's address for the engines (--node-address), or null to take it from the
 *                         connection to the leader (the leader: the leader address, resolved)
 */
public record GroupRole(int nodes, int rank, GroupAddress leader, int groupPort, String networkInterface,
                        String nodeAddress) {

    public boolean leads() {
        return rank == 0;
    }
}
