package aimengine.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads small sysfs files below a root folder ("/" on a real machine, a copied tree in tests) and names them in
 * messages as the machine would ("/sys/class/kfd/..."), not by the root they were copied to.
 */
final class SysfsReader {
    private final Path root;

    SysfsReader(Path root) {
        this.root = root;
    }

    Path resolve(String absolute) {
        return root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }

    String display(Path path) {
        return "/" + root.relativize(path).toString().replace('\\', '/');
    }

    String text(Path file) throws ProbeException {
        if (Files.isDirectory(file)) {
            throw ProbeException.failed("cannot read " + display(file) + ": it is a folder, expected a file");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ProbeException.failed("cannot read " + display(file) + ": " + reason(e));
        }
    }

    /** A KFD properties file: one "name value" pair a line. */
    Map<String, String> properties(Path file) throws ProbeException {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : text(file).split("\\R")) {
            String t = line.strip();
            int space = t.indexOf(' ');
            if (space > 0) {
                map.put(t.substring(0, space), t.substring(space + 1).strip());
            }
        }
        return map;
    }

    /** A hexadecimal sysfs value such as "0x1002". */
    long hex(Path file) throws ProbeException {
        String t = text(file).strip().toLowerCase(Locale.ROOT);
        try {
            return Long.parseLong(t.startsWith("0x") ? t.substring(2) : t, 16);
        } catch (NumberFormatException e) {
            throw ProbeException.failed(display(file) + " holds '" + abbreviate(t) + "', expected a hexadecimal number");
        }
    }

    /** A decimal sysfs value such as mem_info_vram_total. */
    long decimal(Path file) throws ProbeException {
        String t = text(file).strip();
        try {
            return Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            throw ProbeException.failed(display(file) + " holds '" + abbreviate(t) + "', expected a number");
        }
    }

    static long number(Map<String, String> props, String key, String where) throws ProbeException {
        String v = props.get(key);
        if (v == null) {
            return 0;
        }
        try {
            return Long.parseUnsignedLong(v);
        } catch (NumberFormatException e) {
            throw ProbeException.failed(where + ": '" + key + "' is '" + abbreviate(v) + "', expected a number");
        }
    }

    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
