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
    COMPOSE("compose", new ComposeWriter());

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

    public static DeployTarget parse(String text) {
        return Arrays.stream(values()).filter(t -> t.key.equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> new InputException("--target " + text + ": unknown; expected one of "
                        + Arrays.stream(values()).map(DeployTarget::key).collect(Collectors.joining(", "))));
    }
}
