package aimengine.probe;

/**
 * A homogeneous group of GPUs (one product) with the count each layer can see. This is the fact the visibility
 * rules reason about: the host has the devices, the container may be given fewer, and the engine may see fewer
 * still (visibility variables, device cgroups).
 */
public record GpuGroup(String product, String vendor, String llvmTarget, long vramMiB, int host, int container,
                       int engine) {

    /** The GPUs a process in this container can really use: the fewest that any layer sees. */
    public int usable() {
        return Math.min(host, Math.min(container, engine));
    }
}
