package aimengine.deploy;

import aimengine.io.InputException;
import java.util.List;

/**
 * What the operator asked for beyond the plan; null means "derive it".
 *
 * @param target          where it goes
 * @param name            object name, or null for one derived from the model
 * @param namespace       namespace, or null
 * @param image           image, or null for the vendor's default
 * @param replicas        copies (1 or more)
 * @param cachePvc        an existing claim to use, or null to create one
 * @param cacheSize       size of the claim to create, or null to size it from the checkpoint
 * @param hfTokenSecret   Secret holding the Hugging Face token under the key {@code hf-token}
 * @param apiKeySecret    Secret holding the engine's API key under the key {@code api-key}
 * @param port            the engine's port
 * @param graceSeconds    run --grace
 * @param gpuGroups       supplemental groups for the GPU device nodes, or null for the vendor's default
 * @param floorSeconds    the startup budget's floor (DEFAULT_TIMEOUT)
 * @param uid             the image's non-root user and group id
 * @param trustFlags      what the operator allowed beyond the trust policy for this plan (--trust-remote-code,
 *                        --allow-pickle), passed on to the pods' run, which plans again and must allow the same
 */
public record DeploySettings(DeployTarget target, String name, String namespace, String image, int replicas,
                             String cachePvc, String cacheSize, String hfTokenSecret, String apiKeySecret, int port, int graceSeconds,
                             List<Long> gpuGroups, int floorSeconds, long uid, List<String> trustFlags) {

    /** The uid and gid of the non-root user in aim-engine's images. */
    public static final long IMAGE_UID = 1000;
    /** Where the images keep the Hugging Face cache. */
    public static final String CACHE_MOUNT = "/workspace/model-cache";
    /** The key under which AMD's guides store the token ({@code kubectl create secret generic hf-token --from-literal=hf-token=...}). */
    public static final String HF_TOKEN_KEY = "hf-token";
    /** The key of the API-key Secret ({@code kubectl create secret generic aim-api-key --from-file=api-key=KEYFILE}). */
    public static final String API_KEY_KEY = "api-key";
    /** KServe names the predictor's Service NAME-predictor, which must still be a label. */
    private static final int LWS_SUFFIX = 10;
    private static final int KSERVE_SUFFIX = "-predictor".length();

    public DeploySettings {
        if (name != null) {
            KubernetesNames.checkName("--name", name, maxNameLength(target));
        }
        if (namespace != null) {
            KubernetesNames.checkName("--namespace", namespace, KubernetesNames.MAX_LABEL);
        }
        if (cachePvc != null) {
            KubernetesNames.checkObjectName("--cache-pvc", cachePvc);
        }
        if (hfTokenSecret != null) {
            KubernetesNames.checkObjectName("--hf-token-secret", hfTokenSecret);
        }
        if (apiKeySecret != null) {
            KubernetesNames.checkObjectName("--api-key-secret", apiKeySecret);
        }
        if (cacheSize != null) {
            KubernetesNames.checkQuantity("--cache-size", cacheSize);
        }
        if (cachePvc != null && cacheSize != null) {
            throw new InputException("--cache-size: sizes a claim aim-engine creates; --cache-pvc " + cachePvc
                    + " names an existing one, give one or the other");
        }
        if (replicas < 1) {
            throw new InputException("--replicas " + replicas + ": must be 1 or more");
        }
        if (graceSeconds < 0) {
            throw new InputException("--grace " + graceSeconds + ": must be 0 or more seconds");
        }
        if (gpuGroups != null) {
            gpuGroups.stream().filter(g -> g < 0).findFirst().ifPresent(g -> {
                throw new InputException("--gpu-group " + g + ": must be a group id (0 or more)");
            });
            gpuGroups = List.copyOf(gpuGroups);
        }
        trustFlags = List.copyOf(trustFlags);
        if (target == DeployTarget.COMPOSE) {
            composeOnly(namespace == null, "--namespace");
            composeOnly(replicas == 1, "--replicas");
            composeOnly(cacheSize == null, "--cache-size");
        }
    }

    /** The longest --name a target accepts. */
    public static int maxNameLength(DeployTarget target) {
        return switch (target) {
            case KSERVE -> KubernetesNames.MAX_LABEL - KSERVE_SUFFIX;
            // LWS names pods NAME-GROUP-INDEX and the leader Service NAME-leader
            case LWS -> KubernetesNames.MAX_LABEL - LWS_SUFFIX;
            default -> KubernetesNames.MAX_LABEL;
        };
    }

    private static void composeOnly(boolean ok, String option) {
        if (!ok) {
            throw new InputException(option + ": has no meaning for --target compose (one container on one Docker"
                    + " host, a local volume)");
        }
    }
}
