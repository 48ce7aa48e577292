package aimengine.probe;

/**
 * A homogeneous group of GPUs (one product) with the count each layer can see. This is the fact the visibility
 * rules reason about: the host has the devices, the container may be given fewer, and the engine may see fewer
 * still (visibility variables, device cgroups).
 */
public record GpuGroup(String product, String vendor, String llvmTarget, long vramMiB, int host, int container,
                       int engine) {
}
