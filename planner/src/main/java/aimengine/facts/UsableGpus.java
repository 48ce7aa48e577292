package aimengine.facts;

/** The GPUs the plan may use: one product group, counted as the fewest the host, container and engine see. */
public record UsableGpus(String product, String llvmTarget, long vramMiB, int host, int container, int engine,
                         int count) {
}
