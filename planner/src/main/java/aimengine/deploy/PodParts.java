package aimengine.deploy;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pod-level pieces every Kubernetes-based target shares (Deployment, KServe, later LeaderWorkerSet), built with
 * the fabric8 model so that every field is one the API knows.
 */
final class PodParts {
    static final String SHM_VOLUME = "dshm";
    static final String CACHE_VOLUME = "model-cache";
    /** Probe cadence: the startup probe's failure threshold is the startup budget in these periods. */
    static final int PROBE_PERIOD_SECONDS = 10;

    private PodParts() {
    }

    static ObjectMeta meta(ServingUnit u, String name, Map<String, String> annotations) {
        return new ObjectMetaBuilder().withName(name).withNamespace(u.namespace()).withLabels(u.labels())
                .withAnnotations(annotations.isEmpty() ? null : annotations).build();
    }

    static Container container(ServingUnit u, String containerName) {
        ServingUnit.Port api = u.api();
        return new ContainerBuilder()
                .withName(containerName)
                .withImage(u.image())
                .withImagePullPolicy("IfNotPresent")
                .withArgs(u.args())
                .withEnv(env(u))
                .withPorts(u.ports().stream().map(p -> new ContainerPortBuilder()
                        .withName(p.name()).withContainerPort(p.containerPort()).withProtocol("TCP").build()).toList())
                .withResources(gpuResources(u))
                .withStartupProbe(probe(u.serving().healthPath(), api.name(), 5,
                        (u.startupSeconds() + PROBE_PERIOD_SECONDS - 1) / PROBE_PERIOD_SECONDS))
                .withReadinessProbe(probe(u.serving().modelsPath(), api.name(), 5, 3))
                .withLivenessProbe(probe(u.serving().healthPath(), api.name(), 10, 6))
                .withSecurityContext(containerSecurity())
                .addNewVolumeMount().withName(SHM_VOLUME).withMountPath("/dev/shm").endVolumeMount()
                .addNewVolumeMount().withName(CACHE_VOLUME).withMountPath(u.cache().mountPath()).endVolumeMount()
                .build();
    }

    /** The plan's environment as values, HF_TOKEN and the API key only as references to Secrets. */
    private static List<EnvVar> env(ServingUnit u) {
        List<EnvVar> env = new ArrayList<>();
        u.env().forEach((k, v) -> env.add(new EnvVarBuilder().withName(k).withValue(v).build()));
        env.add(fromSecret("HF_TOKEN", u.hfToken()));
        env.add(fromSecret("AIM_API_KEY", u.apiKey()));
        return env;
    }

    private static EnvVar fromSecret(String variable, ServingUnit.SecretRef ref) {
        return new EnvVarBuilder().withName(variable).withNewValueFrom().withNewSecretKeyRef()
                .withName(ref.name()).withKey(ref.key()).withOptional(ref.optional())
                .endSecretKeyRef().endValueFrom().build();
    }

    /** The GPUs as the device plugin's extended resource; requests equal limits (extended resources require it). */
    static ResourceRequirements gpuResources(ServingUnit u) {
        Quantity gpus = new Quantity(Integer.toString(u.gpu().count()));
        return new ResourceRequirementsBuilder().addToLimits(u.gpu().vendor().resourceName(), gpus)
                .addToRequests(u.gpu().vendor().resourceName(), gpus).build();
    }

    private static Probe probe(String path, String port, int timeoutSeconds, int failureThreshold) {
        return new ProbeBuilder().withNewHttpGet().withPath(path).withPort(new IntOrString(port)).endHttpGet()
                .withPeriodSeconds(PROBE_PERIOD_SECONDS).withTimeoutSeconds(timeoutSeconds)
                .withFailureThreshold(failureThreshold).build();
    }

    private static SecurityContext containerSecurity() {
        return new SecurityContextBuilder().withAllowPrivilegeEscalation(false).withRunAsNonRoot(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().build();
    }

    /**
     * Non-root, with the GPU device groups as supplemental groups and the image's group as fsGroup so the cache
     * volume is writable; OnRootMismatch skips the recursive ownership change of a full cache at every start.
     */
    static PodSecurityContext podSecurity(ServingUnit u) {
        ServingUnit.Identity id = u.identity();
        return new PodSecurityContextBuilder().withRunAsNonRoot(true).withRunAsUser(id.uid()).withRunAsGroup(id.gid())
                .withFsGroup(id.gid()).withFsGroupChangePolicy("OnRootMismatch")
                .withSupplementalGroups(id.supplementalGroups().isEmpty() ? null : id.supplementalGroups())
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().build();
    }

    static List<Volume> volumes(ServingUnit u) {
        return List.of(
                new VolumeBuilder().withName(SHM_VOLUME).withNewEmptyDir().withMedium("Memory")
                        .withSizeLimit(new Quantity(KubernetesNames.gibibytes(u.shmBytes()))).endEmptyDir().build(),
                new VolumeBuilder().withName(CACHE_VOLUME).withNewPersistentVolumeClaim()
                        .withClaimName(u.cache().claimName()).endPersistentVolumeClaim().build());
    }

    /** Only nodes whose GPUs are the planned product (labels published by the vendors' labellers, see GpuVendor). */
    static Affinity affinity(ServingUnit u) {
        return new AffinityBuilder().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
                .addNewNodeSelectorTerm().addNewMatchExpression().withKey(u.gpu().nodeLabel()).withOperator("In")
                .withValues(u.gpu().nodeLabelValues()).endMatchExpression().endNodeSelectorTerm()
                .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().build();
    }

    static PersistentVolumeClaim cacheClaim(ServingUnit u) {
        return new PersistentVolumeClaimBuilder().withMetadata(meta(u, u.cache().claimName(), Map.of()))
                .withNewSpec().withAccessModes(u.cache().accessMode())
                .withNewResources().addToRequests("storage", new Quantity(u.cache().size())).endResources()
                .endSpec().build();
    }

    /** A ClusterIP Service for the unit's ports, selecting its pods. */
    static Service service(ServingUnit u) {
        List<ServicePort> ports = u.ports().stream().map(p -> new ServicePortBuilder().withName(p.name())
                .withPort(p.servicePort()).withTargetPort(new IntOrString(p.name())).withProtocol("TCP").build())
                .toList();
        return new ServiceBuilder().withMetadata(meta(u, u.name(), Map.of())).withNewSpec().withType("ClusterIP")
                .withSelector(u.selector()).withPorts(ports).endSpec().build();
    }
}
