package aimengine.cli.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.CliRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image's Java runtime, linked by the script the Dockerfile runs (deploy/container/jlink-runtime.sh,
 * same module list) from the JDK running the tests, runs aim-engine as the image does: the repository's launcher
 * installed under opt/aim-engine with the runtime as its jre/, on PATH through a link, the jar made and its start-up
 * archive recorded by a first `aim-engine --version`. Then plan, detect on a captured GPU tree, the seed's `launch
 * MODEL 8` as a dry run, and a --rules compile (DRL to Drools' executable model, Java compiled at run time) must work
 * with nothing but the linked modules.
 *
 * The runtime is linked once into cli/target/container-runtime and reused while the script and the JDK are the same.
 * The jar is the application's classes as jars with a Class-Path manifest (the test phase runs before the shaded jar
 * exists): the same classes, data and services, read from jars as in the image.
 */
class ContainerRuntimeTest {
    private static final Path ROOT = CliRunner.ROOT;
    private static final Path SCRIPT = ROOT.resolve("deploy/container/jlink-runtime.sh");
    private static final Path HOST = ROOT.resolve("examples/hosts/mi300x-8.yaml");
    private static final Path CPX = ROOT.resolve("planner/src/test/resources/fixtures/amd/kfd-topology-8xMI300X-cpx-64partitions");

    @TempDir
    static Path dir;
    static Path install;
    static Path bin;

    @BeforeAll
    static void linkAndInstall() throws Exception {
        Path runtime = linkedRuntime();
        install = Files.createDirectories(dir.resolve("opt/aim-engine"));
        Files.copy(ROOT.resolve("aim-engine"), install.resolve("aim-engine"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createSymbolicLink(install.resolve("jre"), runtime);
        installJars();
        bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("aim-engine"), install.resolve("aim-engine"));
        Files.createDirectories(dir.resolve("workspace/model-cache"));
    }

    /** The link to the shared runtime goes before JUnit deletes the folder (it would warn about the target). */
    @AfterAll
    static void unlinkRuntime() throws IOException {
        Files.deleteIfExists(install.resolve("jre"));
    }

    /** Links the runtime unless cli/target/container-runtime holds one from the same script and JDK. */
    private static Path linkedRuntime() throws Exception {
        Path home = Path.of(System.getProperty("java.home"));
        Path target = ROOT.resolve("cli/target/container-runtime");
        Path jre = target.resolve("jre");
        String stamp = home + "\n" + Runtime.version() + "\n" + Files.readString(SCRIPT);
        Path stampFile = target.resolve("stamp");
        if (Files.isExecutable(jre.resolve("bin/java")) && Files.exists(stampFile) && Files.readString(stampFile).equals(stamp)) {
            return jre;
        }
        Files.createDirectories(target);
        Files.deleteIfExists(stampFile);
        Result r = exec(List.of("bash", SCRIPT.toString(), jre.toString(), home.toString()), Map.of(), 600);
        if (r.exit != 0 && !Files.isDirectory(home.resolve("jmods")) && Runtime.version().feature() < 24) {
            Assumptions.abort("this JDK cannot link a runtime: it has no jmods (Debian/Ubuntu: apt-get install "
                    + "openjdk-17-jmods)\n" + r.out);
        }
        assertEquals(0, r.exit, r.out);
        Files.writeString(stampFile, stamp);
        return jre;
    }

    /**
     * aim-engine.jar: cli's classes and a Class-Path to the other jars, as lib/*.jar; the class folders of the
     * reactor (planner, rules-model) are packed into jars too, so that the built-in data is read from a jar (through
     * jdk.zipfs) and class-data sharing accepts the class path.
     */
    private static void installJars() throws IOException {
        Path lib = Files.createDirectories(install.resolve("lib"));
        List<String> classPath = new ArrayList<>();
        Path cliClasses = null;
        for (String entry : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.isEmpty() || p.endsWith("test-classes") || !Files.exists(p)) {
                continue;
            }
            if (p.startsWith(ROOT.resolve("cli"))) {
                cliClasses = p;
                continue;
            }
            Path jar = lib.resolve(Files.isDirectory(p) ? p.getParent().getParent().getFileName() + ".jar" : p.getFileName().toString());
            if (Files.isDirectory(p)) {
                jarOf(p, jar, null);
            } else {
                Files.copy(p, jar, StandardCopyOption.REPLACE_EXISTING);
            }
            classPath.add("lib/" + jar.getFileName());
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "aimengine.cli.Main");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        jarOf(cliClasses, install.resolve("aim-engine.jar"), manifest);
    }

    private static void jarOf(Path classes, Path jar, Manifest manifest) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = manifest == null ? new JarOutputStream(file) : new JarOutputStream(file, manifest);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.sorted().toList()) {
                String name = classes.relativize(p).toString().replace(File.separatorChar, '/');
                if (name.isEmpty() || name.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                out.putNextEntry(new JarEntry(Files.isDirectory(p) ? name + "/" : name));
                if (!Files.isDirectory(p)) {
                    Files.copy(p, out);
                }
                out.closeEntry();
            }
        }
    }

    record Result(int exit, String out) {
    }

    private static Result exec(List<String> command, Map<String, String> env, int timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(timeoutSeconds, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /**
     * `aim-engine ARGS` as the image runs it: found on PATH (env -i resolves it in the new PATH), with the image's
     * variables and nothing else (no JAVA_HOME), from the repository root so that examples/ resolve.
     */
    private static Result aimEngine(String... args) throws Exception {
        Path workspace = dir.resolve("workspace");
        List<String> command = new ArrayList<>(List.of("env", "-i",
                "PATH=" + bin + File.pathSeparator + "/usr/bin" + File.pathSeparator + "/bin",
                "HOME=" + dir.resolve("home"),
                "AIM_JAVA_HOME=" + install.resolve("jre"),
                "HF_HOME=" + workspace.resolve("model-cache"),
                "CACHE_DIR=" + workspace.resolve("model-cache"),
                "AIM_CACHE=" + workspace.resolve("aim-cache"),
                "AIM_STATE_DIR=" + workspace.resolve("aim-state"),
                "aim-engine"));
        command.addAll(List.of(args));
        return exec(command, Map.of(), 300);
    }

    /** The start-up archives of one family ("cli": recorded with --help; "plan": with a throw-away plan). */
    private static List<Path> archives(String family) throws IOException {
        try (Stream<Path> files = Files.list(install)) {
            return files.filter(p -> p.getFileName().toString().matches("aim-engine-\\d+-\\d+-\\d+-" + family + "\\.(jsa|aot)"))
                    .toList();
        }
    }

    @Test
    void versionRunsOnTheLinkedRuntimeAndTheStartUpArchiveIsMadeNextToTheJar() throws Exception {
        Result r = aimEngine("--version");
        assertEquals(0, r.exit, r.out);
        assertTrue(r.out.contains("Java " + Runtime.version().feature()), r.out);
        assertEquals(1, archives("cli").size(), "one start-up archive of the small commands, next to the jar");
    }

    @Test
    void plansFromAHostProfile() throws Exception {
        Result r = aimEngine("plan", "Qwen/Qwen3-32B", "--host", HOST.toString(), "--output", "json");
        assertEquals(0, r.exit, r.out);
        JsonNode plan = new ObjectMapper().readTree(r.out);
        assertEquals("ok", plan.path("status").asText());
        assertEquals(1, archives("plan").size(), "one start-up archive of the commands that read the data, next to the jar");
        // AMD recommends one MI300X for Qwen3-32B (rules/recommendations.drl), before "latency prefers more GPUs".
        assertEquals(1, plan.path("selected").path("gpuCount").asInt());
    }

    @Test
    void detectsTheGpusOfACapturedSysfsTree() throws Exception {
        Path root = dir.resolve("root");
        Path nodes = root.resolve("sys/class/kfd/kfd/topology/nodes");
        Path from = CPX.resolve("topology/nodes");
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path to = nodes.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Files.createDirectories(root.resolve("dev/dri"));
        Files.writeString(root.resolve("dev/kfd"), "");
        for (int i = 128; i < 192; i++) {
            Files.writeString(root.resolve("dev/dri/renderD" + i), "");
        }
        Result r = aimEngine("detect", "--root", root.toString(), "--output", "json");
        assertEquals(0, r.exit, r.out);
        assertTrue(r.out.contains("\"mi300x\""), r.out);
    }

    @Test
    void theSeedsLaunchLineRunsAsADryRun() throws Exception {
        Result r = aimEngine("launch", "Qwen/Qwen3-32B", "8", "--dry-run", "--host", HOST.toString());
        assertEquals(0, r.exit, r.out);
        assertTrue(r.out.contains("vllm serve Qwen/Qwen3-32B --tensor-parallel-size 8"), r.out);
    }

    /** DRL from --rules is compiled at run time (executable model, Java sources compiled in memory) and cached. */
    @Test
    void compilesCustomRules() throws Exception {
        Path example = ROOT.resolve("examples/custom-hardware");
        Result r = aimEngine("plan", "Qwen/Qwen3-8B", "--host", example.resolve("hosts/w7900-4.yaml").toString(),
                "--rules", example.resolve("rules").toString(), "--recipes", example.resolve("recipes").toString(),
                "--output", "json");
        assertEquals(0, r.exit, r.out);
        assertEquals(2, new ObjectMapper().readTree(r.out).path("selected").path("gpuCount").asInt(), r.out);
        try (Stream<Path> cached = Files.list(dir.resolve("workspace/aim-cache/rules"))) {
            assertFalse(cached.filter(p -> p.toString().endsWith(".jar")).toList().isEmpty(), "compiled rules cached");
        }
    }
}
