package aimengine.cli.render;

import aimengine.probe.GpuDevice;
import aimengine.probe.GpuGroup;
import aimengine.probe.GpuView;
import aimengine.probe.HostView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A {@link HostView} as a JSON or YAML document with snake_case keys, for scripts. */
public final class HostViewDocument {
    private HostViewDocument() {
    }

    /** Indented JSON ending with a newline. */
    public static String json(HostView view) {
        return PrettyJson.of(tree(view));
    }

    /** Strings stay quoted: unquoted, YAML 1.1 readers take a bus address such as 0000:00:06.0 for a number. */
    public static String yaml(HostView view) {
        try {
            return new YAMLMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES))
                    .writeValueAsString(tree(view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the host view as YAML", e);
        }
    }

    static Map<String, Object> tree(HostView view) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("source", view.source());
        doc.put("engine_probed", view.engineProbed());
        doc.put("groups", view.groups().stream().map(HostViewDocument::group).toList());
        doc.put("views", view.views().stream().map(HostViewDocument::view).toList());
        Set<String> container = ids(view, "container");
        Set<String> engine = ids(view, "engine");
        doc.put("devices", view.devices().stream().map(d -> device(d, container, engine)).toList());
        return doc;
    }

    private static Map<String, Object> group(GpuGroup g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("product", g.product());
        m.put("vendor", g.vendor());
        m.put("llvm_target", g.llvmTarget());
        m.put("vram_mib", g.vramMiB());
        m.put("host", g.host());
        m.put("container", g.container());
        m.put("engine", g.engine());
        return m;
    }

    private static Map<String, Object> view(GpuView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layer", v.layer());
        m.put("source", v.source());
        m.put("count", v.devices().size());
        m.put("error", v.error());
        return m;
    }

    private static Map<String, Object> device(GpuDevice d, Set<String> container, Set<String> engine) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", d.index());
        m.put("vendor", d.vendor());
        m.put("product", d.product());
        m.put("pci_device_id", d.pciDeviceId() == 0 ? null : String.format("0x%04x", d.pciDeviceId()));
        m.put("bus_address", d.busAddress());
        m.put("llvm_target", d.llvmTarget());
        m.put("vram_mib", d.vramMiB());
        m.put("partition", d.partition());
        m.put("package", d.packageId());
        m.put("uuid", d.uuid());
        m.put("in_container", container.contains(id(d)));
        m.put("in_engine", engine.contains(id(d)));
        return m;
    }

    /** The devices of one layer, by {@link #id}. */
    static Set<String> ids(HostView view, String layer) {
        return view.views().stream().filter(v -> v.layer().equals(layer)).flatMap(v -> v.devices().stream())
                .map(HostViewDocument::id).collect(Collectors.toSet());
    }

    /** AMD and NVIDIA number their devices separately, so a view names a device by vendor and index. */
    static String id(GpuDevice d) {
        return d.vendor() + ":" + d.index();
    }
}
