package aimengine.deploy;

import aimengine.io.InputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where a plan is deployed. Each target is one {@link ManifestWriter} over the same {@link ServingUnit}, so a new
 * target (a LeaderWorkerSet for multi-node plans) is one more constant and one more writer.
 */
public enum DeployTarget {
    KUBERNETES("kubernetes", new KubernetesWriter()),
    KSERVE("kserve", new KServeWriter()),
    COMPOSE("compose", new ComposeWriter()),
    LWS("lws", new LeaderWorkerSetWriter());

    private final String key;
    private final ManifestWriter writer;

    DeployTarget(String key, ManifestWriter writer) {
        this.key = key;
        this.writer = writer;
    }

    public String key() {
        return key;
    }

    public ManifestWriter writer() {
        return writer;
    }

    /** Whether the target runs on a cluster (names must then be Kubernetes names) rather than one Docker host. */
    public boolean cluster() {
        return this != COMPOSE;
    }

    /** Why this target cannot deploy a plan on {@code nodes} nodes: a group needs LWS, and LWS is for groups. */
    public java.util.Optional<String> refusal(int nodes) {
        if (this == LWS && nodes == 1) {
            return java.util.Optional.of("the plan fits one node; deploy it with --target kubernetes or kserve");
        }
        if (this != LWS && nodes > 1) {
            return java.util.Optional.of("the plan spans " + nodes + " nodes; deploy it with --target lws (a"
                    + " LeaderWorkerSet runs one pod per node and recreates the group when one fails)");
        }
        return java.util.Optional.empty();
    }

    public static DeployTarget parse(String text) {
        return Arrays.stream(values()).filter(t -> t.key.equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> new InputException("--target " + text + ": unknown; expected one of "
                        + Arrays.stream(values()).map(DeployTarget::key).collect(Collectors.joining(", "))));
    }
}
