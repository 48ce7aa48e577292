package aimengine.facts;

import aimengine.model.MemoryEstimate;

/** The memory budget computed for a candidate on the usable GPUs. */
public record Fit(String candidate, MemoryEstimate estimate) {
}
