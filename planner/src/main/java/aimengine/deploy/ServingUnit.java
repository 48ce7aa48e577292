package aimengine.deploy;

import aimengine.engine.EngineProfile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One deployment of a plan, independent of the target: what runs, on which GPUs, with which volumes, probes and
 * identity. Every {@link ManifestWriter} renders the same unit, so the targets cannot drift apart; a metrics port is one
 * more {@link Port} and its scrape annotations go in {@code podAnnotations}.
 *
 * @param name              object name (an RFC 1035 label)
 * @param namespace         namespace, or null to leave it to kubectl
 * @param image             container image
 * @param args              the container's command: {@code aim-engine run MODEL} pinned to the plan
 * @param env               the plan's engine environment and the cache location (never a secret)
 * @param hfToken           where HF_TOKEN comes from
 * @param apiKey            where AIM_API_KEY comes from (run gives it to the engine the engine's way, masked)
 * @param ports             the ports the container serves, the API first
 * @param serving           where the engine answers health ({@code /health}) and serves ({@code /v1/models}), from
 *                          its engine profile
 * @param gpu               the GPUs to request and the nodes that have them
 * @param shmBytes          size of the memory-backed /dev/shm
 * @param cache             the model cache volume
 * @param startupSeconds    how long the engine may take to become healthy (probes, run --timeout)
 * @param terminationGraceSeconds how long the platform waits after SIGTERM
 * @param identity          user, group and supplemental groups
 * @param replicas          how many copies
 * @param labels            labels of every object (selector labels included)
 * @param annotations       annotations of the top-level objects (the plan it came from)
 * @param podAnnotations    annotations of the pods
 * @param notes             how the numbers were derived, written as comments above the manifests
 */
public record ServingUnit(String name, String namespace, String image, List<String> args, Map<String, String> env,
                          SecretRef hfToken, SecretRef apiKey, List<Port> ports, EngineProfile.Serving serving, GpuRequest gpu, long shmBytes, ModelCache cache,
                          int startupSeconds, int terminationGraceSeconds, Identity identity, int replicas,
                          Map<String, String> labels, Map<String, String> annotations,
                          Map<String, String> podAnnotations, List<String> notes) {

    public ServingUnit {
        args = List.copyOf(args);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        ports = List.copyOf(ports);
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
        podAnnotations = Collections.unmodifiableMap(new LinkedHashMap<>(podAnnotations));
        notes = List.copyOf(notes);
    }

    /** The API port (the first). */
    public Port api() {
        return ports.get(0);
    }

    /** The labels that select this unit's pods (a subset of {@link #labels()} that never changes between plans). */
    public Map<String, String> selector() {
        Map<String, String> selector = new LinkedHashMap<>();
        selector.put("app.kubernetes.io/name", labels.get("app.kubernetes.io/name"));
        selector.put("app.kubernetes.io/instance", labels.get("app.kubernetes.io/instance"));
        return selector;
    }

    /**
     * @param name          port name ("http")
     * @param containerPort where the container listens
     * @param servicePort   where the Service exposes it
     */
    public record Port(String name, int containerPort, int servicePort) {
    }

    /** A key of a Secret; {@code optional} lets pods start without it (models that are not gated). */
    public record SecretRef(String name, String key, boolean optional) {
    }

    /**
     * @param vendor       whose device plugin serves them
     * @param count        GPUs per pod (the plan's tensor-parallel size)
     * @param product      the product key in the hardware catalog
     * @param nodeLabel    node label that identifies the product
     * @param nodeLabelValues values of that label that mean the product
     * @param nodes        pods of one serving group, one per node, each with {@code count} GPUs (1 unless the plan
     *                     spans nodes)
     */
    public record GpuRequest(GpuVendor vendor, int count, String product, String nodeLabel,
                             List<String> nodeLabelValues, int nodes) {
        public GpuRequest {
            nodeLabelValues = List.copyOf(nodeLabelValues);
        }

        /** One node. */
        public GpuRequest(GpuVendor vendor, int count, String product, String nodeLabel, List<String> nodeLabelValues) {
            this(vendor, count, product, nodeLabel, nodeLabelValues, 1);
        }
    }

    /**
     * @param claimName  the PersistentVolumeClaim (or Compose volume)
     * @param create     whether to write the claim (false when --cache-pvc names an existing one)
     * @param size       requested size as a quantity, null when not created
     * @param accessMode ReadWriteOnce for one replica, ReadWriteMany when several pods share it
     * @param mountPath  where the container sees it (CACHE_DIR and HF_HOME point there)
     */
    public record ModelCache(String claimName, boolean create, String size, String accessMode, String mountPath) {
    }

    /**
     * @param uid                the image's non-root user
     * @param gid                its group (also the fsGroup, so the cache volume is writable)
     * @param supplementalGroups groups that may open the GPU device nodes
     */
    public record Identity(long uid, long gid, List<Long> supplementalGroups) {
        public Identity {
            supplementalGroups = List.copyOf(supplementalGroups);
        }
    }
}
