package aimengine.hardware;

import aimengine.io.InputException;
import aimengine.io.InputProblem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every GPU product aim-engine knows, looked up by key, PCI device id or LLVM target. */
public final class HardwareCatalog {
    private final Map<String, Hardware> byKey;

    public HardwareCatalog(Collection<Hardware> entries) {
        Map<String, Hardware> map = new LinkedHashMap<>();
        Map<Integer, Hardware> ids = new LinkedHashMap<>();
        List<InputProblem> problems = new ArrayList<>();
        for (Hardware h : entries) {
            Hardware previous = map.put(h.key(), h);
            if (previous != null) {
                problems.add(new InputProblem(h.source(), 0, "hardware '" + h.key() + "' is also defined in "
                        + previous.source() + "; keep one entry per product"));
            }
            for (int id : h.pciDeviceIds()) {
                Hardware other = ids.put(id, h);
                if (other != null && other != h) {
                    problems.add(new InputProblem(h.source(), 0, String.format(
                            "PCI device id 0x%04x of '%s' is already used by '%s'", id, h.key(), other.key())));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        this.byKey = Map.copyOf(map);
    }

    public Optional<Hardware> byKey(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(byKey.get(key.toLowerCase()));
    }

    public Optional<Hardware> byPciDeviceId(String vendor, int deviceId) {
        return byKey.values().stream()
                .filter(h -> h.vendor().equals(vendor) && h.pciDeviceIds().contains(deviceId))
                .findFirst();
    }

    /** Products sharing a target (MI300X and MI325X are both gfx942), for identifying devices without a PCI id. */
    public List<Hardware> byLlvmTarget(String target) {
        return byKey.values().stream().filter(h -> h.llvmTarget().equalsIgnoreCase(target)).toList();
    }

    public Collection<Hardware> all() {
        return byKey.values().stream().sorted(java.util.Comparator.comparing(Hardware::key)).toList();
    }

    public List<String> keys() {
        return all().stream().map(Hardware::key).toList();
    }
}
