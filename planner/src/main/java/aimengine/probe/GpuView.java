package aimengine.probe;

import java.util.List;

/**
 * The GPUs one layer can see.
 *
 * @param layer   "host", "container" or "engine"
 * @param source  what was read ("sysfs KFD topology", "amd-smi", "HIP_VISIBLE_DEVICES=0,1", "torch", "profile")
 * @param devices the devices visible at this layer
 * @param error   why the view is incomplete (probe failure, timeout), or null
 */
public record GpuView(String layer, String source, List<GpuDevice> devices, String error) {

    public GpuView {
        devices = List.copyOf(devices);
    }
}
