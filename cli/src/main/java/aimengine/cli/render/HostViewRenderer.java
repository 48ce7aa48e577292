package aimengine.cli.render;

import aimengine.probe.GpuDevice;
import aimengine.probe.GpuGroup;
import aimengine.probe.GpuView;
import aimengine.probe.HostView;
import java.util.Set;

/** A {@link HostView} for the terminal: the devices, the groups per product, and the three views with errors. */
public final class HostViewRenderer {

    public String text(HostView view) {
        StringBuilder out = new StringBuilder();
        devices(view, out);
        groups(view, out);
        views(view, out);
        return out.toString();
    }

    private static void devices(HostView view, StringBuilder out) {
        if (view.devices().isEmpty()) {
            out.append("No GPU found.\n");
            return;
        }
        Set<String> container = HostViewDocument.ids(view, "container");
        Set<String> engine = HostViewDocument.ids(view, "engine");
        TextTable table = new TextTable("GPU", "VENDOR", "PRODUCT", "PCI ID", "BUS ADDRESS", "TARGET", "VRAM MiB",
                "PARTITION", "PACKAGE", "CONTAINER", "ENGINE");
        for (GpuDevice d : view.devices()) {
            String id = HostViewDocument.id(d);
            table.row(d.index(), d.vendor(), d.product() == null ? "(not in catalog)" : d.product(),
                    d.pciDeviceId() == 0 ? null : String.format("0x%04x", d.pciDeviceId()), d.busAddress(),
                    d.llvmTarget(), d.vramMiB() == 0 ? null : d.vramMiB(), d.partition(), d.packageId(),
                    container.contains(id) ? "yes" : "no", engine.contains(id) ? "yes" : "no");
        }
        out.append(view.devices().size()).append(view.devices().size() == 1 ? " GPU" : " GPUs").append(" on the host\n");
        out.append(table.render("  "));
    }

    private static void groups(HostView view, StringBuilder out) {
        if (view.groups().isEmpty()) {
            return;
        }
        out.append("\nGroups\n");
        TextTable table = new TextTable("PRODUCT", "TARGET", "VRAM MiB", "HOST", "CONTAINER",
                view.engineProbed() ? "ENGINE" : "ENGINE (assumed)");
        for (GpuGroup g : view.groups()) {
            table.row(g.product(), g.llvmTarget(), g.vramMiB(), g.host(), g.container(), g.engine());
        }
        out.append(table.render("  "));
    }

    private static void views(HostView view, StringBuilder out) {
        out.append("\nViews\n");
        for (GpuView v : view.views()) {
            int n = v.devices().size();
            out.append(String.format("  %-10s %3d %-8s %s\n", v.layer(), n, n == 1 ? "device" : "devices",
                    v.source()));
            if (v.error() != null) {
                out.append("             error: ").append(v.error()).append('\n');
            }
        }
    }
}
