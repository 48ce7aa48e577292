package aimengine.cli.metrics;

import aimengine.probe.BusAddress;
import aimengine.probe.ProbeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * AMD GPUs from the amdgpu driver's sysfs files (Linux kernel documentation, "GPU Power/Thermal Controls and
 * Monitoring" and "Misc AMDGPU driver information"): {@code gpu_busy_percent}, {@code mem_info_vram_used} and
 * {@code _total} in bytes, and under {@code hwmon/hwmon*}: {@code temp*_input} in millidegrees Celsius labelled by
 * {@code temp*_label} (edge, junction, mem), {@code power1_average} or {@code power1_input} in microwatts. Reading
 * files costs microseconds, so no tool is started.
 */
public final class AmdSysfsGpuReader implements GpuReader {
    private static final Pattern CARD = Pattern.compile("card(\\d+)");
    private static final Pattern TEMP_INPUT = Pattern.compile("temp(\\d+)_input");
    private final Path drm;

    /** @param root the file system root, "/" or a copied tree */
    public AmdSysfsGpuReader(Path root) {
        this.drm = root.resolve("sys/class/drm");
    }

    @Override
    public String source() {
        return "amdgpu sysfs";
    }

    /** Whether this host has an amdgpu device that reports its load. */
    public boolean present() {
        return !cards().isEmpty();
    }

    @Override
    public List<GpuReading> read() throws ProbeException {
        List<Path> cards = cards();
        if (cards.isEmpty()) {
            throw ProbeException.absent("no amdgpu device with gpu_busy_percent under " + drm);
        }
        List<GpuReading> readings = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            Path device = cards.get(i).resolve("device");
            Double busy = number(device.resolve("gpu_busy_percent"));
            readings.add(new GpuReading(i, text(device.resolve("device")), busId(device), busy == null ? null : busy / 100.0,
                    number(device.resolve("mem_info_vram_used")), number(device.resolve("mem_info_vram_total")),
                    temperatures(device), power(device)));
        }
        return readings;
    }

    private List<Path> cards() {
        try (Stream<Path> s = Files.list(drm)) {
            return s.filter(p -> CARD.matcher(p.getFileName().toString()).matches())
                    .filter(p -> "0x1002".equals(text(p.resolve("device/vendor")))
                            && Files.isRegularFile(p.resolve("device/gpu_busy_percent")))
                    .sorted(Comparator.comparingInt(p -> cardNumber(p.getFileName().toString())))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static int cardNumber(String name) {
        Matcher m = CARD.matcher(name);
        return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    /** PCI_SLOT_NAME from the device's uevent, else the name of the folder the device link points to. */
    private static String busId(Path device) {
        String uevent = text(device.resolve("uevent"));
        if (uevent != null) {
            for (String line : uevent.split("\n")) {
                if (line.startsWith("PCI_SLOT_NAME=")) {
                    return BusAddress.normalize(line.substring("PCI_SLOT_NAME=".length()));
                }
            }
        }
        try {
            return BusAddress.normalize(device.toRealPath().getFileName().toString());
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, Double> temperatures(Path device) {
        Map<String, Double> t = new LinkedHashMap<>();
        for (Path hwmon : hwmons(device)) {
            try (Stream<Path> files = Files.list(hwmon)) {
                for (Path input : files.sorted().toList()) {
                    Matcher m = TEMP_INPUT.matcher(input.getFileName().toString());
                    Double milli = m.matches() ? number(input) : null;
                    if (milli != null) {
                        String label = text(hwmon.resolve("temp" + m.group(1) + "_label"));
                        t.putIfAbsent(sensor(label, m.group(1)), milli / 1000.0);
                    }
                }
            } catch (IOException e) {
                // no temperatures from this hwmon: absent
            }
        }
        return t;
    }

    /** The driver's labels, in the words the other sources use: edge, junction (hotspot), memory. */
    private static String sensor(String label, String number) {
        if (label == null) {
            return "temp" + number;
        }
        return switch (label) {
            case "mem" -> "memory";
            default -> label;
        };
    }

    private static Double power(Path device) {
        for (Path hwmon : hwmons(device)) {
            Double micro = number(hwmon.resolve("power1_average"));
            if (micro == null) {
                micro = number(hwmon.resolve("power1_input"));
            }
            if (micro != null) {
                return micro / 1_000_000.0;
            }
        }
        return null;
    }

    private static List<Path> hwmons(Path device) {
        try (Stream<Path> s = Files.list(device.resolve("hwmon"))) {
            return s.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A file holding one number; null when absent, unreadable or not a number (the driver answers EINVAL/EBUSY). */
    private static Double number(Path file) {
        String t = text(file);
        if (t == null) {
            return null;
        }
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) && v >= 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
