package aimengine.facts;

import aimengine.probe.GpuGroup;

/** How many GPUs of one product group the visibility rules count as usable. */
public record GroupUsable(String product, GpuGroup group, int count) {
}
