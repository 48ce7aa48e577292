package aimengine.hardware;

import aimengine.engine.Backend;
import java.util.List;
import java.util.Map;

/**
 * One GPU product as the hardware catalog describes it. Products are identified by PCI device id first and by LLVM
 * target second, never by marketing name or memory size.
 *
 * @param key               product key used in recipes and host profiles (lower case, e.g. "mi300x")
 * @param vendor            "amd" or "nvidia"
 * @param name              display name
 * @param pciDeviceIds      every PCI device id of the product (physical and virtual functions)
 * @param llvmTarget        gfx target for AMD ("gfx942"), compute capability for NVIDIA ("sm_90")
 * @param vramMiB           memory per device as the driver reports it (not the marketing number)
 * @param devicesPerPackage GPUs the OS sees per physical package (2 for an MI250X: one per GCD)
 * @param precisions        weight precisions the architecture runs natively, in the order the preference rules
 *                          prefer them (first is best): a platform team reorders them in the hardware entry
 * @param interconnect      how the GPUs of one host talk to each other: "xgmi", "nvlink" or "pcie" (site rules
 *                          read it, e.g. to limit tensor parallelism over PCIe)
 * @param env               default engine environment per backend for this architecture
 * @param source            file the entry was read from
 */
public record Hardware(String key, String vendor, String name, List<Integer> pciDeviceIds, String llvmTarget,
                       long vramMiB, int devicesPerPackage, List<Precision> precisions, String interconnect,
                       Map<Backend, Map<String, String>> env, String source) {

    /** Interconnects a hardware entry may name. */
    public static final List<String> INTERCONNECTS = List.of("xgmi", "nvlink", "pcie");

    public Hardware {
        pciDeviceIds = List.copyOf(pciDeviceIds);
        precisions = List.copyOf(precisions);
        env = Map.copyOf(env);
    }

    public boolean supports(Precision precision) {
        return precisions.contains(precision);
    }

    /** Called from DRL: the precision rules ask this by key so that rule files stay free of Java enums. */
    public boolean supportsKey(String precision) {
        Precision p = Precision.parse(precision);
        return p != null && precisions.contains(p);
    }

    /**
     * Called from DRL: the precision's place in this product's preference order (0 is best); precisions the product
     * does not run come after all it runs.
     */
    public int precisionRank(String precision) {
        Precision p = Precision.parse(precision);
        int i = p == null ? -1 : precisions.indexOf(p);
        return i < 0 ? precisions.size() : i;
    }

    public Map<String, String> envFor(Backend backend) {
        return env.getOrDefault(backend, Map.of());
    }

    public double vramGiB() {
        return vramMiB / 1024.0;
    }
}
