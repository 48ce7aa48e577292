package aimengine.cli.render;

import java.util.Locale;

/** Human units for text output (JSON output keeps raw numbers). */
public final class Units {
    private Units() {
    }

    /** Bytes in binary units: "1.5 GiB", "512 B". */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    public static String gib(double gib) {
        return String.format(Locale.ROOT, "%.1f GiB", gib);
    }
}
