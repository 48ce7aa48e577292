package aimengine.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan that spans nodes, as a LeaderWorkerSet (leaderworkerset.x-k8s.io/v1): each replica is a group of one pod
 * per node (size = the plan's nodes), each pod with the GPUs of one node, all running the same pinned
 * {@code aim-engine run} with their rank and the leader's address from the variables LWS sets
 * ({@code LWS_WORKER_INDEX}: 0 on the leader, {@code LWS_LEADER_ADDRESS}), which Kubernetes expands in the
 * arguments. {@code RecreateGroupOnPodRestart}: a rank that fails makes aim-engine fail the whole group (a collective
 * cannot take a rank back), and LWS then recreates every pod of it. Probes are on the leader only (only it serves the
 * API); a Service selects the leader; a NetworkPolicy lets only the group's pods reach anything but the API port
 * (vLLM's and NCCL's inter-node traffic is not encrypted, and NCCL picks its ports at run time).
 */
final class LeaderWorkerSetWriter implements ManifestWriter {
    static final String ROLE_LABEL = "aim-engine/role";
    /** Set by LWS on every pod of a LeaderWorkerSet. */
    static final String LWS_NAME_LABEL = "leaderworkerset.sigs.k8s.io/name";
    static final String SERVICE_SUFFIX = "-leader";

    @Override
    public List<Manifest> write(ServingUnit u) {
        List<Manifest> out = new ArrayList<>();
        if (u.cache().create()) {
            out.add(new Manifest("persistentvolumeclaim.yaml", PodParts.cacheClaim(u)));
        }
        out.add(new Manifest("leaderworkerset.yaml", leaderWorkerSet(u)));
        out.add(new Manifest("service.yaml", leaderService(u)));
        out.add(new Manifest("networkpolicy.yaml", networkPolicy(u)));
        return out;
    }

    private static Map<String, Object> leaderWorkerSet(ServingUnit u) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("size", u.gpu().nodes());
        template.put("restartPolicy", "RecreateGroupOnPodRestart");
        template.put("leaderTemplate", ManifestYaml.toMap(pod(u, "leader", true)));
        template.put("workerTemplate", ManifestYaml.toMap(pod(u, "worker", false)));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("replicas", u.replicas());
        // Workers are created once their leader pod exists; not LeaderReady: a leader is ready only after its workers
        // joined (run waits for them within --timeout).
        spec.put("startupPolicy", "LeaderCreated");
        spec.put("leaderWorkerTemplate", template);
        Map<String, Object> lws = new LinkedHashMap<>();
        lws.put("apiVersion", "leaderworkerset.x-k8s.io/v1");
        lws.put("kind", "LeaderWorkerSet");
        lws.put("metadata", ManifestYaml.toMap(PodParts.meta(u, u.name(), u.annotations())));
        lws.put("spec", spec);
        return lws;
    }

    /** The Deployment's pod, with the rank arguments; a worker has no probes and publishes no API port. */
    private static PodTemplateSpec pod(ServingUnit u, String role, boolean leader) {
        PodTemplateSpec pod = KubernetesWriter.podTemplate(u);
        Map<String, String> labels = new LinkedHashMap<>(pod.getMetadata().getLabels());
        labels.put(ROLE_LABEL, role);
        pod.getMetadata().setLabels(labels);
        Container c = pod.getSpec().getContainers().get(0);
        List<String> args = new ArrayList<>(c.getArgs());
        args.addAll(List.of("--node-rank", "$(LWS_WORKER_INDEX)", "--leader-address", "$(LWS_LEADER_ADDRESS)"));
        c.setArgs(args);
        if (!leader) {
            c.setStartupProbe(null);
            c.setReadinessProbe(null);
            c.setLivenessProbe(null);
            c.setPorts(null);
        }
        return pod;
    }

    /** LWS's own headless Service carries the LeaderWorkerSet's name; this one, for the API, selects the leaders. */
    private static Service leaderService(ServingUnit u) {
        Map<String, String> selector = new LinkedHashMap<>(u.selector());
        selector.put(ROLE_LABEL, "leader");
        return new ServiceBuilder().withMetadata(PodParts.meta(u, u.name() + SERVICE_SUFFIX, Map.of()))
                .withNewSpec().withType("ClusterIP").withSelector(selector)
                .withPorts(u.ports().stream().map(p -> new ServicePortBuilder().withName(p.name())
                        .withPort(p.servicePort()).withTargetPort(new IntOrString(p.name())).withProtocol("TCP")
                        .build()).toList())
                .endSpec().build();
    }

    /**
     * Ingress to the group's pods: anything from pods of the same LeaderWorkerSet (Ray, the engines' rendezvous,
     * NCCL/RCCL and Gloo on ports chosen at run time, aim-engine's group channel), and the API port from anywhere the
     * cluster's other policies allow.
     */
    private static NetworkPolicy networkPolicy(ServingUnit u) {
        Map<String, String> group = Map.of(LWS_NAME_LABEL, u.name());
        return new NetworkPolicyBuilder().withMetadata(PodParts.meta(u, u.name() + "-group", Map.of()))
                .withNewSpec()
                .withNewPodSelector().withMatchLabels(group).endPodSelector()
                .withPolicyTypes("Ingress")
                .addNewIngress().addNewFrom().withNewPodSelector().withMatchLabels(group).endPodSelector().endFrom()
                .endIngress()
                .addNewIngress().withPorts(u.ports().stream().map(p -> new NetworkPolicyPortBuilder()
                        .withProtocol("TCP").withPort(new IntOrString(p.name())).build()).toList())
                .endIngress()
                .endSpec().build();
    }
}
