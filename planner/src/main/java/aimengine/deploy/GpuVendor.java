package aimengine.deploy;

import aimengine.engine.Backend;
import aimengine.hardware.Hardware;
import java.util.List;

/**
 * What a deployment needs to know per GPU vendor, in one place: the device plugin's resource name, the node label
 * that identifies the product, the device nodes and groups a container needs outside Kubernetes, and the default
 * image's tag.
 *
 * <p>Node labels. AMD: the GPU operator's node labeller (ROCm/k8s-device-plugin, cmd/k8s-node-labeller/main.go,
 * {@code createLabels}) publishes {@code amd.com/gpu.device-id} with the PCI device id as sysfs prints it, lower-case
 * hex without "0x" ("74a1"), on nodes whose GPUs share one id; the catalog identifies products by exactly these ids, so
 * a product is selected by all of its ids (physical and virtual functions). NVIDIA: GPU feature discovery
 * (NVIDIA/k8s-device-plugin, internal/lm/resource.go, {@code getProductName}) publishes {@code nvidia.com/gpu.product}
 * with the name nvidia-smi reports, spaces turned into "-" ("NVIDIA-H200"); the catalog's names are those names.
 */
public enum GpuVendor {
    /*
     * AMD's default group is video, whose id is 44 on Debian, Ubuntu and RHEL alike. The render group owns /dev/kfd
     * and the render nodes on recent ROCm hosts, but its id differs from host to host, so it is the operator's to add
     * (--gpu-group). NVIDIA's device nodes are world-accessible.
     */
    AMD("amd.com/gpu", "amd.com/gpu.device-id", List.of("/dev/kfd", "/dev/dri"), List.of(44L), ""),
    NVIDIA("nvidia.com/gpu", "nvidia.com/gpu.product", List.of(), List.of(), "-cuda");

    private final String resourceName;
    private final String nodeLabel;
    private final List<String> devices;
    private final List<Long> defaultGroups;
    /** The tag suffix deploy/container's build commands give this vendor's images. */
    private final String imageSuffix;

    GpuVendor(String resourceName, String nodeLabel, List<String> devices, List<Long> defaultGroups,
              String imageSuffix) {
        this.resourceName = resourceName;
        this.nodeLabel = nodeLabel;
        this.devices = devices;
        this.defaultGroups = defaultGroups;
        this.imageSuffix = imageSuffix;
    }

    public static GpuVendor of(Hardware hardware) {
        return "nvidia".equalsIgnoreCase(hardware.vendor()) ? NVIDIA : AMD;
    }

    /** The extended resource the device plugin advertises. */
    public String resourceName() {
        return resourceName;
    }

    /** The node label key that identifies the GPU product. */
    public String nodeLabel() {
        return nodeLabel;
    }

    /** The values of {@link #nodeLabel()} that mean this product. */
    public List<String> nodeLabelValues(Hardware hardware) {
        if (this == NVIDIA) {
            // the product name without the catalog's qualifier in parentheses ("(SXM)"): nvidia-smi does not print it,
            // and a label value may not contain parentheses
            return List.of(hardware.name().replaceAll("\\s*\\([^)]*\\)", "").trim().replace(' ', '-'));
        }
        return hardware.pciDeviceIds().stream().map(id -> String.format("%04x", id)).toList();
    }

    /** Device nodes a container needs on a plain Docker host (NVIDIA's runtime adds its own). */
    public List<String> devices() {
        return devices;
    }

    /** Groups that may open the device nodes, when the operator names none. */
    public List<Long> defaultGroups() {
        return defaultGroups;
    }

    /**
     * The image deploy/container builds for this vendor and engine: aim-engine:latest (ROCm, vLLM),
     * aim-engine:latest-cuda, aim-engine:sglang, aim-engine:sglang-cuda.
     */
    public String defaultImage(Backend backend) {
        return "aim-engine:" + (backend == Backend.SGLANG ? "sglang" : "latest") + imageSuffix;
    }
}
