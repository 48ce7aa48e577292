package aimengine.cli.command;

import aimengine.cli.Main;
import aimengine.cli.base.CliContext;
import aimengine.cli.base.ExitCodes;
import aimengine.data.DataLoader;
import aimengine.data.DataOptions;
import aimengine.probe.GpuGroup;
import aimengine.probe.HostProfile;
import aimengine.probe.HostView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `detect` on machines rebuilt from the captured fixtures in planner/src/test/resources/fixtures (see the README
 * there for their origin): the 8x MI300X CPX KFD tree and the one-H200 host.
 */
class DetectCommandTest {
    private static final Path FIXTURES = Path.of("..", "planner", "src", "test", "resources", "fixtures").toAbsolutePath();
    private static final Path H200 = FIXTURES.resolve("nvidia/h200-1x-captured");
    private static final Pattern PCI_LINE = Pattern.compile(
            "/sys/bus/pci/devices/(\\S+) class=(0x[0-9a-f]+) vendor=(0x[0-9a-f]+) device=(0x[0-9a-f]+) .*");

    @TempDir
    Path dir;
    Path root;
    Path bin;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void folders() throws IOException {
        root = Files.createDirectories(dir.resolve("root"));
        bin = Files.createDirectories(dir.resolve("bin"));
    }

    private int run(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("PATH", bin.toString());
        String[] all = Stream.concat(Stream.of("detect", "--root", root.toString()), Stream.of(args)).toArray(String[]::new);
        return Main.run(new CliContext(env, dir, dir), new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    /** The CPX tree below sys/class/kfd, with /dev/kfd and the 64 render nodes a container would be given. */
    private void mi300xCpx() throws IOException {
        Path from = FIXTURES.resolve("amd/kfd-topology-8xMI300X-cpx-64partitions/topology/nodes");
        Path to = root.resolve("sys/class/kfd/kfd/topology/nodes");
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        write(root.resolve("dev/kfd"), "");
        for (int i = 128; i < 192; i++) {
            write(root.resolve("dev/dri/renderD" + i), "");
        }
    }

    /** The H200 host: its PCI entry, its /dev/nvidia* nodes and an nvidia-smi and python3 printing its answers. */
    private void h200() throws IOException {
        for (String line : Files.readAllLines(H200.resolve("pci-gpus.out"))) {
            Matcher m = PCI_LINE.matcher(line);
            if (m.matches()) {
                Path device = root.resolve("sys/bus/pci/devices").resolve(m.group(1));
                write(device.resolve("class"), m.group(2) + "\n");
                write(device.resolve("vendor"), m.group(3) + "\n");
                write(device.resolve("device"), m.group(4) + "\n");
            }
        }
        for (String line : Files.readAllLines(H200.resolve("dev-ls.out"))) {
            if (line.startsWith("c") && line.contains(" /dev/")) {
                write(root.resolve(line.substring(line.indexOf(" /dev/") + 2)), "");
            }
        }
        tool("nvidia-smi", "exec /bin/cat '" + FIXTURES.resolve("derived/nvidia-smi-query_1xH200.csv") + "'");
        tool("python3", "exec /bin/cat '" + H200.resolve("torch-probe.out") + "'");
    }

    private void tool(String name, String body) throws IOException {
        Path script = bin.resolve(name);
        write(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void mi300xCpxText() throws IOException {
        mi300xCpx();
        assertEquals(0, run(Map.of("HIP_VISIBLE_DEVICES", "0,1,2,3,4,5,6,7")), err.toString());
        Approvals.verify(out.toString());
    }

    @Test
    void mi300xCpxJson() throws IOException {
        mi300xCpx();
        assertEquals(0, run(Map.of(), "--output", "json"), err.toString());
        Approvals.verify(out.toString());
    }

    @Test
    void h200Text() throws IOException {
        h200();
        assertEquals(0, run(Map.of(), "--engine-probe"), err.toString());
        Approvals.verify(out.toString());
    }

    @Test
    void h200Json() throws IOException {
        h200();
        assertEquals(0, run(Map.of(), "--engine-probe", "-o", "json"), err.toString());
        Approvals.verify(out.toString());
    }

    @Test
    void yamlHoldsTheSameDocumentAsJson() throws IOException {
        h200();
        run(Map.of(), "-o", "json");
        JsonNode json = new ObjectMapper().readTree(out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run(Map.of(), "-o", "yaml"));
        assertEquals(json, new YAMLMapper().readTree(out.toString()));
    }

    @Test
    void savedProfileIsReadByHostProfileToTheSameGroups() throws IOException {
        h200();
        assertEquals(0, run(Map.of(), "--engine-probe", "--save", "h200.yaml", "-o", "json"), err.toString());
        assertEquals("wrote host profile h200.yaml\n", err.toString());
        HostView back = new HostProfile(new DataLoader(DataOptions.builtins()).hardware()).read(dir.resolve("h200.yaml"));
        assertEquals(List.of(new GpuGroup("h200", "nvidia", "sm_90", 143771, 1, 1, 1)), back.groups());
        JsonNode group = new ObjectMapper().readTree(out.toString()).get("groups").get(0);
        assertEquals(back.groups().get(0).host(), group.get("host").asInt());
        assertEquals(back.groups().get(0).vramMiB(), group.get("vram_mib").asLong());
        assertTrue(back.engineProbed());
    }

    @Test
    void savedCpxProfileRoundTrips() throws IOException {
        mi300xCpx();
        Path file = dir.resolve("cpx.yaml");
        assertEquals(0, run(Map.of("HIP_VISIBLE_DEVICES", "0,1"), "--save", file.toString()), err.toString());
        HostView back = new HostProfile(new DataLoader(DataOptions.builtins()).hardware()).read(file);
        assertEquals(List.of(new GpuGroup("mi300x", "amd", "gfx942", 24574, 63, 2, 2)), back.groups());
    }

    @Test
    void hardwareEntriesFromRulesFoldersIdentifyMoreProducts() throws IOException {
        // Synthetic KFD node of a Radeon PRO W7900 (0x7448, gfx1100), the product of examples/custom-hardware.
        write(root.resolve("sys/class/kfd/kfd/topology/nodes/1/properties"), "simd_count 192\ngfx_target_version 110000\n"
                + "device_id 29768\nlocation_id 768\ndomain 0\nlocal_mem_size 51522830336\ndrm_render_minor 128\n");
        assertEquals(ExitCodes.NO_PLAN, run(Map.of()), "the built-in catalog does not know it");
        assertTrue(err.toString().contains("none is in the hardware catalog (amd 0x7448 gfx1100 at 0000:03:00.0)"), err.toString());
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        Path rules = Path.of("..", "examples", "custom-hardware", "rules").toAbsolutePath();
        assertEquals(0, run(Map.of(), "--rules", rules.toString(), "-o", "json"), err.toString());
        JsonNode device = new ObjectMapper().readTree(out.toString()).get("devices").get(0);
        assertEquals("radeon-pro-w7900", device.get("product").asText());
        assertEquals("gfx1100", device.get("llvm_target").asText());
        assertEquals(49136, device.get("vram_mib").asInt());
    }

    @Test
    void emptyMachineExitsThreeAndWritesNothing() {
        int code = run(Map.of(), "--save", "host.yaml");
        assertEquals(ExitCodes.NO_PLAN, code);
        assertTrue(out.toString().startsWith("No GPU found.\n"), out.toString());
        assertTrue(err.toString().startsWith("error: no GPU found on this machine ("), err.toString());
        assertTrue(err.toString().endsWith("; nothing written to host.yaml\n"), err.toString());
        assertFalse(Files.exists(dir.resolve("host.yaml")));
    }

    @Test
    void probeTimeoutOutOfRangeIsBadInput() {
        assertEquals(ExitCodes.BAD_INPUT, run(Map.of(), "--probe-timeout", "0"));
        assertEquals("error: --probe-timeout must be between 1 and 600 seconds\n", err.toString());
    }

    @Test
    void rootThatIsNotAFolderIsBadInput() {
        int code = Main.run(new CliContext(Map.of(), dir, dir), new PrintWriter(out, true), new PrintWriter(err, true),
                "detect", "--root", "no-such-dir");
        assertEquals(ExitCodes.BAD_INPUT, code);
        assertEquals("error: --root no-such-dir is not a folder\n", err.toString());
    }
}
