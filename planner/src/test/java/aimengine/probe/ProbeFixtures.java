package aimengine.probe;

import aimengine.data.DataLoader;
import aimengine.data.DataOptions;
import aimengine.hardware.HardwareCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds machine roots from the captured fixtures (src/test/resources/fixtures, see its README): sysfs trees copied
 * into place, sysfs and /dev entries rebuilt from captured listings, and tools on a private PATH that print captured
 * output.
 */
public final class ProbeFixtures {
    public static final String KFD_NODES = "sys/class/kfd/kfd/topology/nodes";
    private static final Pattern PCI_LINE = Pattern.compile(
            "/sys/bus/pci/devices/(\\S+) class=(0x[0-9a-f]+) vendor=(0x[0-9a-f]+) device=(0x[0-9a-f]+) "
                    + "subsys=(0x[0-9a-f]+) numa=(-?\\d+) driver=(\\S+)");
    private static final Pattern DEV_LINE = Pattern.compile("^c\\S+ .* (/dev/\\S+)$");

    private ProbeFixtures() {
    }

    /** A fixture file or folder; read from the planner's test-jar when the cli tests use it, hence the jar case. */
    public static Path fixture(String relative) {
        try {
            URI uri = ProbeFixtures.class.getClassLoader().getResource("fixtures/README.md").toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException opened) {
                    // another test opened the test-jar already
                }
            }
            return Path.of(uri).getParent().resolve(relative);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static HardwareCatalog catalog() {
        return new DataLoader(DataOptions.builtins()).hardware();
    }

    /** A root whose KFD topology is the fixture folder of nodes. */
    public static Path kfd(Path root, String fixtureNodes) {
        copyTree(fixture(fixtureNodes), root.resolve(KFD_NODES));
        return root;
    }

    /** /dev/kfd and /dev/dri/renderD{first..first+count-1} as plain files: tests run where device nodes cannot be made. */
    public static void amdDeviceNodes(Path root, int first, int count) {
        write(root.resolve("dev/kfd"), "");
        for (int i = first; i < first + count; i++) {
            write(root.resolve("dev/dri/renderD" + i), "");
        }
    }

    /** A PCI tree rebuilt from a captured listing ("/sys/bus/pci/devices/ADDR class=... vendor=... device=..."). */
    static void pciFromListing(Path root, Path listing) {
        for (String line : read(listing).split("\n")) {
            Matcher m = PCI_LINE.matcher(line.strip());
            if (m.matches()) {
                Path dir = root.resolve("sys/bus/pci/devices").resolve(m.group(1));
                write(dir.resolve("class"), m.group(2) + "\n");
                write(dir.resolve("vendor"), m.group(3) + "\n");
                write(dir.resolve("device"), m.group(4) + "\n");
                write(dir.resolve("subsystem_device"), m.group(5) + "\n");
                write(dir.resolve("numa_node"), m.group(6) + "\n");
            }
        }
    }

    /** The character devices of a captured `ls -la /dev/...` listing, as plain files. */
    static void devFromListing(Path root, Path listing) {
        String folder = null;
        for (String line : read(listing).split("\n")) {
            if (line.endsWith(":") && line.startsWith("/dev/")) {
                folder = line.substring(1, line.length() - 1);
                continue;
            }
            Matcher m = DEV_LINE.matcher(line.strip());
            if (m.matches()) {
                write(root.resolve(m.group(1).substring(1)), "");
            } else if (folder != null && line.startsWith("c")) {
                String[] words = line.strip().split("\\s+");
                write(root.resolve(folder).resolve(words[words.length - 1]), "");
            }
        }
    }

    /** /proc/driver/nvidia/gpus/BUS/information from a captured `cat` of those files. */
    static void procFromDriver(Path root, Path capture) {
        String[] parts = read(capture).split("== /proc/driver/nvidia/gpus/");
        for (int i = 1; i < parts.length; i++) {
            int slash = parts[i].indexOf('/');
            int newline = parts[i].indexOf('\n');
            write(root.resolve("proc/driver/nvidia/gpus").resolve(parts[i].substring(0, slash)).resolve("information"),
                    parts[i].substring(newline + 1));
        }
    }

    /** A tool on the test's PATH: a shell script with the given body. */
    static Path tool(Path bin, String name, String body) {
        Path script = bin.resolve(name);
        write(script, "#!/bin/sh\n" + body + "\n");
        try {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return script;
    }

    /** A tool that prints a captured output. Tests' PATH holds only bin, so commands inside use absolute paths. */
    static Path catTool(Path bin, String name, Path output) {
        return tool(bin, name, "exec /bin/cat '" + output + "'");
    }

    static Map<String, String> env(Path bin, String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin.toString());
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Integer> indices(List<GpuDevice> devices) {
        return devices.stream().map(GpuDevice::index).toList();
    }
}
