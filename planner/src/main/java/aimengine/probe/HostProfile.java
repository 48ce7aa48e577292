package aimengine.probe;

import aimengine.hardware.Hardware;
import aimengine.hardware.HardwareCatalog;
import aimengine.io.InputException;
import aimengine.io.InputProblem;
import aimengine.yaml.MapReader;
import aimengine.yaml.YamlDocument;
import aimengine.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A host profile for what-if planning: which GPUs a machine has and how many the container and the engine see.
 * <pre>
 * gpus:
 *   - product: mi300x          # or device_id: 0x74a1
 *     count: 8
 *     vram_mib: 196592         # optional, defaults to the catalog's
 *     container_visible: 8     # optional, defaults to count
 *     engine_visible: 8        # optional, defaults to container_visible
 * nodes: 2                     # optional: this many identical machines (multi-node planning), default 1
 * </pre>
 */
public final class HostProfile {
    private final HardwareCatalog catalog;

    public HostProfile(HardwareCatalog catalog) {
        this.catalog = catalog;
    }

    public HostView read(Path file) {
        String name = file.toString();
        YamlNode root = YamlDocument.read(file);
        List<InputProblem> problems = new ArrayList<>();
        MapReader top = MapReader.of(name, root, "a host profile", problems);
        Map<String, GpuGroup> groups = new LinkedHashMap<>();
        boolean engineGiven = false;
        Integer nodes = null;
        if (top != null) {
            top.string("name");
            top.string("description");
            nodes = top.integer("nodes", 1, 1024);
            YamlNode gpus = top.raw("gpus");
            if (gpus == null || !gpus.isList()) {
                top.problem(gpus == null ? root.line() : gpus.line(),
                        "expected 'gpus:' with a list of {product: KEY, count: N} entries");
            } else if (gpus.items().isEmpty()) {
                top.problem(gpus.line(), "'gpus' is empty; list at least one {product: KEY, count: N}");
            } else {
                for (YamlNode item : gpus.items()) {
                    engineGiven |= item.isMap() && item.entries().containsKey("engine_visible");
                    GpuGroup g = group(name, item, problems);
                    if (g != null && groups.put(g.product(), g) != null) {
                        problems.add(new InputProblem(name, item.line(), "product '" + g.product()
                                + "' is listed twice; give one entry per product with the total count"));
                    }
                }
            }
            top.finish();
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        List<GpuGroup> list = List.copyOf(groups.values());
        return new HostView("profile " + name, list, List.of(), views(list, name), engineGiven,
                nodes == null ? 1 : nodes);
    }

    private GpuGroup group(String file, YamlNode node, List<InputProblem> problems) {
        MapReader m = MapReader.of(file, node, "a gpus entry", problems);
        if (m == null) {
            return null;
        }
        int before = problems.size();
        Hardware hardware = null;
        if (m.has("product") == m.has("device_id")) {
            m.problem(node.line(), "give exactly one of 'product' (e.g. mi300x) or 'device_id' (e.g. 0x74a1)");
        } else if (m.has("product")) {
            String product = m.string("product");
            hardware = product == null ? null : catalog.byKey(product).orElse(null);
            if (product != null && hardware == null) {
                m.problem(m.lineOf("product"), "unknown product '" + product + "'; known: " + String.join(", ", catalog.keys()));
            }
        } else {
            Integer id = m.integer("device_id", 1, 0xffff);
            hardware = id == null ? null : catalog.all().stream().filter(h -> h.pciDeviceIds().contains(id)).findFirst().orElse(null);
            if (id != null && hardware == null) {
                m.problem(m.lineOf("device_id"), String.format("no product in the hardware catalog has PCI device id 0x%04x", id));
            }
        }
        Integer count = m.integer("count", 1, 1024);
        if (count == null && !m.has("count")) {
            m.problem(node.line(), "missing required key 'count'");
        }
        Integer vram = m.integer("vram_mib", 1024, 16L * 1024 * 1024);
        Integer container = m.integer("container_visible", 0, 1024);
        Integer engine = m.integer("engine_visible", 0, 1024);
        m.finish();
        if (problems.size() > before) {
            return null;
        }
        int c = container == null ? count : container;
        int e = engine == null ? c : engine;
        if (c > count || e > count) {
            m.problem(node.line(), "container_visible and engine_visible cannot exceed count (" + count + ")");
            return null;
        }
        return new GpuGroup(hardware.key(), hardware.vendor(), hardware.llvmTarget(),
                vram == null ? hardware.vramMiB() : vram, count, c, e);
    }

    private static List<GpuView> views(List<GpuGroup> groups, String file) {
        List<GpuView> views = new ArrayList<>();
        for (String layer : List.of("host", "container", "engine")) {
            views.add(new GpuView(layer, "profile " + file, List.of(), null));
        }
        return views;
    }
}
