package aimengine.cli.render;

import aimengine.probe.GpuDevice;
import aimengine.probe.GpuGroup;
import aimengine.probe.GpuView;
import aimengine.probe.HostView;
import java.util.ArrayList;
import java.util.List;
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
            table.row(String.valueOf(d.index()), d.vendor(), d.product() == null ? "(not in catalog)" : d.product(),
                    d.pciDeviceId() == 0 ? "-" : String.format("0x%04x", d.pciDeviceId()), dash(d.busAddress()),
                    dash(d.llvmTarget()), d.vramMiB() == 0 ? "-" : String.valueOf(d.vramMiB()), dash(d.partition()),
                    dash(d.packageId()), container.contains(id) ? "yes" : "no", engine.contains(id) ? "yes" : "no");
        }
        out.append(view.devices().size()).append(view.devices().size() == 1 ? " GPU" : " GPUs").append(" on the host\n");
        table.appendTo(out);
    }

    private static void groups(HostView view, StringBuilder out) {
        if (view.groups().isEmpty()) {
            return;
        }
        out.append("\nGroups\n");
        TextTable table = new TextTable("PRODUCT", "TARGET", "VRAM MiB", "HOST", "CONTAINER",
                view.engineProbed() ? "ENGINE" : "ENGINE (assumed)");
        for (GpuGroup g : view.groups()) {
            table.row(g.product(), g.llvmTarget(), String.valueOf(g.vramMiB()), String.valueOf(g.host()),
                    String.valueOf(g.container()), String.valueOf(g.engine()));
        }
        table.appendTo(out);
    }

    private static void views(HostView view, StringBuilder out) {
        out.append("\nViews\n");
        for (GpuView v : view.views()) {
            int n = v.devices().size();
            out.append(String.format("  %-10s %3d %-8s %s%n", v.layer(), n, n == 1 ? "device" : "devices",
                    v.source()));
            if (v.error() != null) {
                out.append("             error: ").append(v.error()).append('\n');
            }
        }
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    /** Left-aligned columns two spaces apart. */
    private static final class TextTable {
        private final List<String[]> rows = new ArrayList<>();

        TextTable(String... header) {
            rows.add(header);
        }

        void row(String... cells) {
            rows.add(cells);
        }

        void appendTo(StringBuilder out) {
            int[] width = new int[rows.get(0).length];
            for (String[] r : rows) {
                for (int i = 0; i < r.length; i++) {
                    width[i] = Math.max(width[i], r[i].length());
                }
            }
            for (String[] r : rows) {
                StringBuilder line = new StringBuilder(" ");
                for (int i = 0; i < r.length; i++) {
                    line.append(' ').append(r[i]).append(" ".repeat(width[i] - r[i].length() + 1));
                }
                out.append(line.toString().stripTrailing()).append('\n');
            }
        }
    }
}
