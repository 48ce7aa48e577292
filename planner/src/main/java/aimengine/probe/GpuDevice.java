package aimengine.probe;

/**
 * One GPU as a probe saw it. For a partitioned MI300X each partition is a device; for an MI250X each GCD is.
 *
 * @param index       the index the runtime would use (HIP/CUDA ordinal)
 * @param vendor      "amd" or "nvidia"
 * @param product     hardware catalog key, or null when the device is not in the catalog
 * @param pciDeviceId PCI device id (0 when the probe does not know it)
 * @param busAddress  PCI address such as "0000:0c:00.0", or null
 * @param llvmTarget  gfx target ("gfx942") or compute capability ("sm_90"), or null
 * @param vramMiB     memory of this device as reported
 * @param partition   compute partition mode ("SPX", "CPX", ...) or null
 * @param packageId   identifies the physical package (bus address with the function masked, or unique id)
 * @param uuid        device UUID when the tool reports one, or null
 */
public record GpuDevice(int index, String vendor, String product, int pciDeviceId, String busAddress,
                        String llvmTarget, long vramMiB, String partition, String packageId, String uuid) {

    public GpuDevice withIndex(int newIndex) {
        return new GpuDevice(newIndex, vendor, product, pciDeviceId, busAddress, llvmTarget, vramMiB, partition,
                packageId, uuid);
    }

    public GpuDevice withUuid(String newUuid) {
        return new GpuDevice(index, vendor, product, pciDeviceId, busAddress, llvmTarget, vramMiB, partition,
                packageId, newUuid);
    }

    public GpuDevice withVramMiB(long newVramMiB) {
        return new GpuDevice(index, vendor, product, pciDeviceId, busAddress, llvmTarget, newVramMiB, partition,
                packageId, uuid);
    }

    public GpuDevice withProduct(String newProduct, String newLlvmTarget) {
        return new GpuDevice(index, vendor, newProduct, pciDeviceId, busAddress, newLlvmTarget, vramMiB, partition,
                packageId, uuid);
    }

    public GpuDevice withPackage(String newPackageId, String newPartition) {
        return new GpuDevice(index, vendor, product, pciDeviceId, busAddress, llvmTarget, vramMiB, newPartition,
                newPackageId, uuid);
    }

    /**
     * How a device is named in messages with what the probe knew: "amd 0x740c gfx90a at 0000:29:00.0"; parts the probe
     * did not read are left out rather than printed as 0x0000 or null, and a device known by nothing else is named by
     * its index ("amd GPU 3, no device id, target or bus address read").
     */
    public String label() {
        StringBuilder s = new StringBuilder(vendor);
        if (pciDeviceId != 0) {
            s.append(String.format(" 0x%04x", pciDeviceId));
        }
        if (llvmTarget != null) {
            s.append(' ').append(llvmTarget);
        }
        if (busAddress != null) {
            s.append(" at ").append(busAddress);
        }
        return s.length() > vendor.length() ? s.toString()
                : vendor + " GPU " + index + ", no device id, target or bus address read";
    }
}
