package aimengine.hardware;

import aimengine.engine.Backend;
import aimengine.io.InputException;
import aimengine.io.InputProblem;
import aimengine.yaml.MapReader;
import aimengine.yaml.YamlNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads hardware entries (`hardware:` list) from one YAML document, strictly. */
public final class HardwareLoader {

    public List<Hardware> load(String file, YamlNode root) {
        List<InputProblem> problems = new ArrayList<>();
        List<Hardware> result = new ArrayList<>();
        MapReader top = MapReader.of(file, root, "a hardware file", problems);
        if (top != null) {
            YamlNode list = top.raw("hardware");
            if (list == null || !list.isList()) {
                top.problem(list == null ? root.line() : list.line(), "expected 'hardware:' with a list of products");
            } else {
                for (YamlNode item : list.items()) {
                    Hardware h = entry(file, item, problems);
                    if (h != null) {
                        result.add(h);
                    }
                }
            }
            top.finish();
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return result;
    }

    private Hardware entry(String file, YamlNode node, List<InputProblem> problems) {
        MapReader m = MapReader.of(file, node, "a hardware entry", problems);
        if (m == null) {
            return null;
        }
        int before = problems.size();
        String key = m.requiredString("key");
        String vendor = m.requiredString("vendor");
        if (vendor != null && !vendor.equals("amd") && !vendor.equals("nvidia")) {
            m.problem(m.lineOf("vendor"), "'vendor' must be amd or nvidia, found '" + vendor + "'");
        }
        String name = m.string("name");
        List<Integer> ids = new ArrayList<>();
        YamlNode idList = m.raw("pci_device_ids");
        if (idList == null || !idList.isList() || idList.items().isEmpty()) {
            m.problem(idList == null ? node.line() : idList.line(), "'pci_device_ids' must be a non-empty list such as [0x74a1]");
        } else {
            for (YamlNode id : idList.items()) {
                Integer value = parseId(id);
                if (value == null) {
                    m.problem(id.line(), "PCI device id must be hexadecimal such as 0x74a1, found " + id.describe());
                } else {
                    ids.add(value);
                }
            }
        }
        String target = m.requiredString("llvm_target");
        Integer vram = m.integer("vram_mib", 1024, 16L * 1024 * 1024);
        if (vram == null && !m.has("vram_mib")) {
            m.problem(node.line(), "missing required key 'vram_mib'");
        }
        Integer perPackage = m.integer("devices_per_package", 1, 64);
        List<Precision> precisions = new ArrayList<>();
        for (String p : m.stringList("precisions")) {
            Precision precision = Precision.parse(p);
            if (precision == null) {
                m.problem(m.lineOf("precisions"), "unknown precision '" + p + "'; expected one of " + Precision.allowed());
            } else if (precisions.contains(precision)) {
                m.problem(m.lineOf("precisions"), "precision '" + p + "' is listed twice");
            } else {
                precisions.add(precision);
            }
        }
        if (precisions.isEmpty() && problems.size() == before) {
            m.problem(node.line(), "'precisions' must list at least one of " + Precision.allowed());
        }
        String interconnect = m.has("interconnect")
                ? m.oneOf("interconnect", s -> Hardware.INTERCONNECTS.contains(s) ? s : null,
                        String.join(", ", Hardware.INTERCONNECTS))
                : "pcie";
        Map<Backend, Map<String, String>> env = new EnumMap<>(Backend.class);
        YamlNode envNode = m.raw("env");
        if (envNode != null) {
            MapReader envReader = MapReader.of(file, envNode, "'env'", problems);
            if (envReader != null) {
                for (Backend b : Backend.values()) {
                    env.put(b, envReader.stringMap(b.key()));
                }
                envReader.finish();
            }
        }
        m.finish();
        if (problems.size() > before) {
            return null;
        }
        return new Hardware(key.toLowerCase(), vendor, name == null ? key : name, ids, target.toLowerCase(),
                vram, perPackage == null ? 1 : perPackage, precisions, interconnect, env, file);
    }

    private static Integer parseId(YamlNode id) {
        if (!id.isScalar()) {
            return null;
        }
        String text = id.text().trim().toLowerCase();
        try {
            if (text.startsWith("0x")) {
                return Integer.parseInt(text.substring(2), 16);
            }
            return id.isInteger() ? Integer.valueOf(text) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
