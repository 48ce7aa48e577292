package aimengine.deploy;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain Kubernetes: the cache claim (unless an existing one is named), a Deployment running the pinned {@code run},
 * and a ClusterIP Service for the API.
 */
final class KubernetesWriter implements ManifestWriter {
    /** Time to schedule the pod and pull a multi-GiB image, on top of the engine's startup budget. */
    private static final int SCHEDULE_AND_PULL_SECONDS = 600;

    @Override
    public List<Manifest> write(ServingUnit u) {
        List<Manifest> out = new ArrayList<>();
        if (u.cache().create()) {
            out.add(new Manifest("persistentvolumeclaim.yaml", PodParts.cacheClaim(u)));
        }
        out.add(new Manifest("deployment.yaml", deployment(u)));
        out.add(new Manifest("service.yaml", PodParts.service(u)));
        return out;
    }

    /**
     * Recreate, not a rolling update: a surge pod would need GPUs beyond the plan's, and a ReadWriteOnce cache cannot
     * follow it to another node. The progress deadline covers the whole startup budget, so a first download is not
     * reported as a failed rollout.
     */
    private static Deployment deployment(ServingUnit u) {
        return new DeploymentBuilder().withMetadata(PodParts.meta(u, u.name(), u.annotations()))
                .withNewSpec().withReplicas(u.replicas())
                .withNewSelector().withMatchLabels(u.selector()).endSelector()
                .withNewStrategy().withType("Recreate").endStrategy()
                .withProgressDeadlineSeconds(u.startupSeconds() + SCHEDULE_AND_PULL_SECONDS)
                .withTemplate(podTemplate(u))
                .endSpec().build();
    }

    /**
     * Service links are off: Kubernetes would otherwise put SERVICE_PORT variables in the environment, and a Service
     * named like an engine (vllm) sets VLLM_PORT, which vLLM reads as its own setting.
     */
    static PodTemplateSpec podTemplate(ServingUnit u) {
        return new PodTemplateSpecBuilder()
                .withNewMetadata().withLabels(u.labels())
                .withAnnotations(u.podAnnotations().isEmpty() ? null : u.podAnnotations()).endMetadata()
                .withNewSpec()
                .withEnableServiceLinks(false)
                .withTerminationGracePeriodSeconds((long) u.terminationGraceSeconds())
                .withSecurityContext(PodParts.podSecurity(u))
                .withAffinity(PodParts.affinity(u))
                .withContainers(PodParts.container(u, "aim-engine"))
                .withVolumes(PodParts.volumes(u))
                .endSpec().build();
    }
}
