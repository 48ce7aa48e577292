package aimengine.probe;

import aimengine.hardware.Hardware;
import aimengine.hardware.HardwareCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names devices through the hardware catalog: by PCI device id, or by LLVM target when the probe had no id and one
 * product alone has that target. Never by name or memory size: the tools spell names differently and report memory
 * below the marketing figure.
 */
final class DeviceIdentifier {
    private final HardwareCatalog catalog;

    DeviceIdentifier(HardwareCatalog catalog) {
        this.catalog = catalog;
    }

    Optional<Hardware> hardware(GpuDevice d) {
        if (d.pciDeviceId() != 0) {
            return catalog.byPciDeviceId(d.vendor(), d.pciDeviceId());
        }
        if (d.llvmTarget() == null) {
            return Optional.empty();
        }
        List<Hardware> byTarget = catalog.byLlvmTarget(d.llvmTarget()).stream()
                .filter(h -> h.vendor().equals(d.vendor())).toList();
        return byTarget.size() == 1 ? Optional.of(byTarget.get(0)) : Optional.empty();
    }

    /**
     * Sets product and target; where the probe could not read the memory, takes the catalog's figure split evenly
     * among the partitions of a package (a DPX MI300X partition has half the memory).
     */
    List<GpuDevice> identify(List<GpuDevice> devices) {
        Map<String, Integer> perPackage = new HashMap<>();
        for (GpuDevice d : devices) {
            if (d.packageId() != null) {
                perPackage.merge(d.packageId(), 1, Integer::sum);
            }
        }
        Map<String, Integer> partitionsOfProduct = new HashMap<>();
        for (GpuDevice d : devices) {
            hardware(d).ifPresent(h -> partitionsOfProduct.merge(h.key(),
                    d.packageId() == null ? 1 : perPackage.get(d.packageId()), Math::max));
        }
        return devices.stream().map(d -> {
            Optional<Hardware> h = hardware(d);
            if (h.isEmpty()) {
                return d;
            }
            GpuDevice named = d.withProduct(h.get().key(), d.llvmTarget() != null ? d.llvmTarget() : h.get().llvmTarget());
            // The largest partition count of the product, so one package that lost a node is not split differently.
            return named.vramMiB() > 0 ? named
                    : named.withVramMiB(h.get().vramMiB() / partitionsOfProduct.get(h.get().key()));
        }).toList();
    }
}
