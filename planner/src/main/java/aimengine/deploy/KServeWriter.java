package aimengine.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KServe in RawDeployment mode, as AMD's KServe samples deploy AIM: a ServingRuntime holding the container (the same
 * pinned run, probes, /dev/shm and cache as the Deployment) and an InferenceService that requests the GPUs and sets
 * replicas, identity and grace. The custom resources are maps shaped by the CRDs' schemas; the pieces they embed are
 * core/v1 types, built with the fabric8 model and converted.
 */
final class KServeWriter implements ManifestWriter {
    static final String MODEL_FORMAT = "aim-engine";

    @Override
    public List<Manifest> write(ServingUnit u) {
        List<Manifest> out = new ArrayList<>();
        if (u.cache().create()) {
            out.add(new Manifest("persistentvolumeclaim.yaml", PodParts.cacheClaim(u)));
        }
        out.add(new Manifest("servingruntime.yaml", servingRuntime(u)));
        out.add(new Manifest("inferenceservice.yaml", inferenceService(u)));
        return out;
    }

    static String runtimeName(ServingUnit u) {
        return u.name() + "-runtime";
    }

    private static Map<String, Object> servingRuntime(ServingUnit u) {
        Map<String, Object> container = ManifestYaml.toMap(PodParts.container(u, "kserve-container"));
        // The GPUs are the InferenceService's to request, as in AMD's samples: one runtime shape, sized per service.
        container.remove("resources");
        Map<String, Object> spec = new LinkedHashMap<>();
        Map<String, Object> format = new LinkedHashMap<>();
        format.put("name", MODEL_FORMAT);
        // Only InferenceServices that name this runtime use it; it is sized and pinned for one plan.
        format.put("autoSelect", false);
        spec.put("supportedModelFormats", List.of(format));
        spec.put("containers", List.of(container));
        spec.put("volumes", PodParts.volumes(u).stream().map(ManifestYaml::toMap).toList());
        spec.put("affinity", ManifestYaml.toMap(PodParts.affinity(u)));
        return resource("serving.kserve.io/v1alpha1", "ServingRuntime", metadata(u, runtimeName(u), Map.of()), spec);
    }

    private static Map<String, Object> inferenceService(ServingUnit u) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("modelFormat", Map.of("name", MODEL_FORMAT));
        model.put("runtime", runtimeName(u));
        model.put("resources", ManifestYaml.toMap(PodParts.gpuResources(u)));
        Map<String, Object> predictor = new LinkedHashMap<>();
        predictor.put("minReplicas", u.replicas());
        predictor.put("maxReplicas", u.replicas());
        predictor.put("deploymentStrategy", Map.of("type", "Recreate"));
        predictor.put("enableServiceLinks", false);
        predictor.put("terminationGracePeriodSeconds", u.terminationGraceSeconds());
        predictor.put("securityContext", ManifestYaml.toMap(PodParts.podSecurity(u)));
        if (!u.podAnnotations().isEmpty()) {
            predictor.put("annotations", u.podAnnotations());
        }
        predictor.put("model", model);
        Map<String, String> annotations = new LinkedHashMap<>(u.annotations());
        annotations.put("serving.kserve.io/deploymentMode", "RawDeployment");
        return resource("serving.kserve.io/v1beta1", "InferenceService", metadata(u, u.name(), annotations),
                Map.of("predictor", predictor));
    }

    private static Map<String, Object> metadata(ServingUnit u, String name, Map<String, String> annotations) {
        return ManifestYaml.toMap(PodParts.meta(u, name, annotations));
    }

    private static Map<String, Object> resource(String apiVersion, String kind, Map<String, Object> metadata,
                                                Map<String, Object> spec) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("apiVersion", apiVersion);
        r.put("kind", kind);
        r.put("metadata", metadata);
        r.put("spec", spec);
        return r;
    }
}
