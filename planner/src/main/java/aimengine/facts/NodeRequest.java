package aimengine.facts;

/**
 * How many nodes a plan may use.
 *
 * @param maxNodes the most nodes (--nodes, else the host profile's nodes, else 1)
 * @param given    --nodes was given on the command line
 * @param exact    --strict with --nodes: exactly maxNodes
 */
public record NodeRequest(int maxNodes, boolean given, boolean exact) {

    public static NodeRequest oneNode() {
        return new NodeRequest(1, false, false);
    }
}
