package aimengine.probe;

/**
 * A device as one host probe read it, with the facts only the merge needs.
 *
 * @param device      the device (product not yet identified)
 * @param deviceMinor minor number of its device node (/dev/dri/renderD128 -> 128, /dev/nvidia0 -> 0), or -1
 * @param xccCount    compute dies (XCCs) behind this device from KFD num_xcc, or -1 when unknown
 */
public record ProbedGpu(GpuDevice device, int deviceMinor, int xccCount) {

    public static ProbedGpu of(GpuDevice device) {
        return new ProbedGpu(device, -1, -1);
    }

    public ProbedGpu withDevice(GpuDevice replacement) {
        return new ProbedGpu(replacement, deviceMinor, xccCount);
    }
}
