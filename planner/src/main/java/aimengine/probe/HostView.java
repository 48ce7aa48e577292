package aimengine.probe;

import java.util.List;

/**
 * What aim-engine knows about the machine: GPU groups for the planner, the devices and the per-layer views for
 * display. Built from a host profile (what-if planning) or from the probes.
 *
 * @param source       "profile FILE" or "probes"
 * @param groups       one per product
 * @param devices      every device seen by the host view (empty for a profile)
 * @param views        host, container and engine views with their sources and errors
 * @param engineProbed false when the engine view was assumed equal to the container's (no engine probe ran)
 * @param nodes        identical machines a profile describes ({@code nodes:}); 1 for a detected host
 */
public record HostView(String source, List<GpuGroup> groups, List<GpuDevice> devices, List<GpuView> views,
                       boolean engineProbed, int nodes) {

    /** One machine. */
    public HostView(String source, List<GpuGroup> groups, List<GpuDevice> devices, List<GpuView> views,
                    boolean engineProbed) {
        this(source, groups, devices, views, engineProbed, 1);
    }

    public HostView {
        groups = List.copyOf(groups);
        devices = List.copyOf(devices);
        views = List.copyOf(views);
    }
}
