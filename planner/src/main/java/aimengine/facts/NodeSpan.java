package aimengine.facts;

/**
 * How a candidate spans nodes: a multi-node candidate is a recipe variant of {@code gpusPerNode} GPUs run on
 * {@code nodes} identical machines.
 *
 * @param candidate   the multi-node candidate's key
 * @param single      the key of the same recipe variant on one node (for "one node is not enough" numbers)
 * @param nodes       machines
 * @param gpusPerNode GPUs used on each machine
 * @param tensor      tensor-parallel size
 * @param pipeline    pipeline-parallel size (stages)
 */
public record NodeSpan(String candidate, String single, int nodes, int gpusPerNode, int tensor, int pipeline) {

    public int totalGpus() {
        return nodes * gpusPerNode;
    }
}
