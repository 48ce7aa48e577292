package aimengine.cli.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.cli.CliRunner;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * deploy/container/Dockerfile, read instruction by instruction (Docker cannot run on the build machines): the base
 * images are build arguments defaulting to a vLLM outside CVE-2026-22807, every GPU x engine variant has its base,
 * the runtime is the one jlink-runtime.sh links, the start-up archive is made at build time, tini is PID 1 with -g,
 * a non-root user owns the cache and state folders, the API and metrics ports are exposed, the health check asks
 * `aim-engine status`, and `aim-engine` is on PATH for the seed's `docker run ... aim-engine launch MODEL 8`.
 */
class DockerfileTest {
    private static final Path DIR = CliRunner.ROOT.resolve("deploy/container");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");
    private static final Pattern VLLM_VERSION = Pattern.compile("(?:vllm_|:v)(\\d+)\\.(\\d+)\\.(\\d+)");

    record Instruction(String stage, String keyword, String args) {
    }

    /** The instructions (continuations joined, comments dropped), each with the stage it belongs to. */
    private static List<Instruction> instructions() throws IOException {
        List<Instruction> result = new ArrayList<>();
        String stage = "";
        StringBuilder line = new StringBuilder();
        for (String raw : Files.readAllLines(DIR.resolve("Dockerfile"))) {
            String t = raw.strip();
            if (t.startsWith("#") || (t.isEmpty() && line.isEmpty())) {
                continue;
            }
            if (t.endsWith("\\")) {
                line.append(t, 0, t.length() - 1).append(' ');
                continue;
            }
            line.append(t);
            String[] parts = line.toString().strip().split("\\s+", 2);
            line.setLength(0);
            String keyword = parts[0].toUpperCase();
            String args = parts.length > 1 ? parts[1] : "";
            if (keyword.equals("FROM")) {
                Matcher as = Pattern.compile("(?i)\\s+AS\\s+(\\S+)$").matcher(args);
                stage = as.find() ? as.group(1) : args;
            }
            result.add(new Instruction(stage, keyword, args));
        }
        return result;
    }

    private static List<Instruction> of(String stage, String keyword) throws IOException {
        return instructions().stream().filter(i -> i.stage.equals(stage) && i.keyword.equals(keyword)).toList();
    }

    /** ARG defaults: the global ones (before the first FROM) and the final stage's. */
    private static Map<String, String> argDefaults(String stage) throws IOException {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Instruction i : instructions()) {
            if (i.keyword.equals("ARG") && (i.stage.isEmpty() || i.stage.equals(stage)) && i.args.contains("=")) {
                defaults.put(i.args.substring(0, i.args.indexOf('=')), i.args.substring(i.args.indexOf('=') + 1));
            }
        }
        return defaults;
    }

    /** The final stage's ENV, values with the ARG defaults substituted. */
    private static Map<String, String> env() throws IOException {
        Map<String, String> env = new HashMap<>();
        for (Instruction i : of("final", "ENV")) {
            for (String pair : i.args.split("\\s+")) {
                env.put(pair.substring(0, pair.indexOf('=')), resolve(pair.substring(pair.indexOf('=') + 1)));
            }
        }
        return env;
    }

    private static String resolve(String text) throws IOException {
        Map<String, String> defaults = argDefaults("final");
        Matcher m = VARIABLE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(sb, Matcher.quoteReplacement(defaults.getOrDefault(name, m.group())));
        }
        return m.appendTail(sb).toString();
    }

    private static int index(Instruction i) throws IOException {
        return instructions().indexOf(i);
    }

    private static Instruction finalRun(String contains) throws IOException {
        return of("final", "RUN").stream().filter(i -> i.args.contains(contains)).findFirst()
                .orElseThrow(() -> new AssertionError("no RUN in the final stage with " + contains));
    }

    @Test
    void baseImagesAreArgumentsDefaultingToAVllmOutsideCve2026_22807() throws Exception {
        Map<String, String> args = argDefaults("");
        assertTrue(args.get("ROCM_VLLM_IMAGE").startsWith("rocm/vllm:"), args.toString());
        assertTrue(args.get("CUDA_VLLM_IMAGE").startsWith("vllm/vllm-openai:"), args.toString());
        assertTrue(args.get("ROCM_SGLANG_IMAGE").startsWith("lmsysorg/sglang:"), args.toString());
        assertTrue(args.get("CUDA_SGLANG_IMAGE").startsWith("lmsysorg/sglang:"), args.toString());
        String readme = Files.readString(DIR.resolve("README.md"));
        for (String image : List.of("ROCM_VLLM_IMAGE", "CUDA_VLLM_IMAGE")) {
            Matcher v = VLLM_VERSION.matcher(args.get(image));
            assertTrue(v.find(), "no vLLM version in " + args.get(image));
            int[] version = {Integer.parseInt(v.group(1)), Integer.parseInt(v.group(2)), Integer.parseInt(v.group(3))};
            assertTrue(version[0] > 0 || version[1] >= 14, image + " defaults to vLLM " + v.group() + " (< 0.14.0)");
            assertTrue(readme.contains(v.group(1) + "." + v.group(2) + "." + v.group(3)), "README names vLLM " + v.group());
        }
        for (String image : List.of("ROCM_VLLM_IMAGE", "CUDA_VLLM_IMAGE", "ROCM_SGLANG_IMAGE", "CUDA_SGLANG_IMAGE")) {
            assertTrue(readme.contains("`" + args.get(image) + "`"), "README names the default " + args.get(image));
        }
    }

    @Test
    void everyGpuAndEngineVariantHasItsBaseAndTheEngineIsTheDefaultBackend() throws Exception {
        Map<String, String> args = argDefaults("");
        assertEquals("rocm", args.get("GPU"));
        assertEquals("vllm", args.get("ENGINE"));
        List<Instruction> from = instructions().stream().filter(i -> i.keyword.equals("FROM")).toList();
        assertEquals("base-${GPU}-${ENGINE} AS final", from.get(from.size() - 1).args);
        Set<String> stages = from.stream().map(Instruction::stage).collect(Collectors.toCollection(TreeSet::new));
        for (String gpu : List.of("rocm", "cuda")) {
            for (String engine : List.of("vllm", "sglang")) {
                String stage = "base-" + gpu + "-" + engine;
                assertTrue(stages.contains(stage), stage + " in " + stages);
                String image = from.stream().filter(i -> i.stage.equals(stage)).findFirst().orElseThrow().args;
                assertTrue(image.startsWith("${" + gpu.toUpperCase() + "_" + engine.toUpperCase() + "_IMAGE}"), image);
            }
        }
        assertEquals("vllm", env().get("AIM_BACKEND"));
    }

    @Test
    void buildsTheJarWithMavenAndTheRuntimeWithTheSharedJlinkScript() throws Exception {
        assertTrue(of("build", "RUN").stream().anyMatch(i -> i.args.matches(".*\\bmvn\\b.*\\bpackage\\b.*")));
        assertTrue(of("runtime", "COPY").stream().anyMatch(i -> i.args.startsWith("deploy/container/jlink-runtime.sh ")));
        assertTrue(of("runtime", "RUN").stream().anyMatch(i -> i.args.contains("jlink-runtime.sh /jre")));
        List<Instruction> copies = of("final", "COPY");
        Instruction jre = copies.stream().filter(i -> i.args.startsWith("--from=runtime /jre ")).findFirst().orElseThrow();
        Instruction jar = copies.stream().filter(i -> i.args.startsWith("--from=build ")).findFirst().orElseThrow();
        Instruction launcher = copies.stream().filter(i -> i.args.startsWith("aim-engine ")).findFirst().orElseThrow();
        String home = jre.args.split("\\s+")[2];
        assertEquals(home, env().get("AIM_JAVA_HOME"), "the launcher runs on the linked runtime");
        assertEquals("/opt/aim-engine/aim-engine.jar", jar.args.split("\\s+")[2], "the launcher's installed layout");
        // The start-up archive is recorded once the jar, the runtime and the launcher are in place.
        Instruction archive = finalRun("aim-engine --version && aim-engine plan --help");
        for (Instruction copy : List.of(jre, jar, launcher)) {
            assertTrue(index(copy) < index(archive), copy + " before " + archive);
        }
    }

    @Test
    void tiniIsPidOneAndSignalsTheProcessGroup() throws Exception {
        List<String> entrypoint = List.of(new ObjectMapper().readValue(of("final", "ENTRYPOINT").get(0).args, String[].class));
        assertEquals(List.of("/usr/bin/tini", "-g", "--", "/opt/aim-engine/entrypoint.sh"), entrypoint);
        assertTrue(finalRun("install").args.matches(".*apt-get install .*\\btini\\b.*"));
        assertTrue(of("final", "COPY").stream().anyMatch(i -> i.args.matches(".*deploy/container/entrypoint.sh .*/opt/aim-engine/")));
    }

    /** The entry point runs the command as the user the image creates; that user owns the cache and state folders. */
    @Test
    void aNonRootUserOwnsTheCacheAndStateFoldersAndRunsTheCommand() throws Exception {
        Map<String, String> env = env();
        assertEquals("/workspace/model-cache", env.get("HF_HOME"));
        assertEquals("/workspace/model-cache", env.get("CACHE_DIR"));
        Instruction users = finalRun("useradd");
        String uid = argDefaults("final").get("AIM_UID");
        assertTrue(uid.matches("\\d+") && !uid.equals("0"), "non-root uid: " + uid);
        assertTrue(users.args.contains("useradd --uid ${AIM_UID} --gid aim "), users.args);
        assertTrue(users.args.matches(".*useradd .* aim( |$).*"), users.args);
        assertTrue(Files.readString(DIR.resolve("entrypoint.sh")).contains("user=\"${AIM_USER:-aim}\""));
        for (String folder : List.of("HF_HOME", "AIM_CACHE", "AIM_STATE_DIR")) {
            assertTrue(users.args.matches(".*chown -R aim:0 [^&]*" + Pattern.quote(env.get(folder)) + "\\b.*"),
                    folder + " " + env.get(folder) + " owned by aim: " + users.args);
        }
    }

    @Test
    void exposesTheApiAndMetricsPorts() throws Exception {
        Map<String, String> env = env();
        assertEquals("8000", env.get("DEFAULT_PORT"));
        assertEquals("9090", env.get("AIM_METRICS_PORT"));
        Set<String> exposed = Set.of(resolve(of("final", "EXPOSE").get(0).args).split("\\s+"));
        assertEquals(Set.of("8000", "9090"), exposed);
    }

    @Test
    void theHealthCheckAsksAimEngineStatus() throws Exception {
        String check = of("final", "HEALTHCHECK").get(0).args;
        assertTrue(check.endsWith("CMD [\"aim-engine\", \"status\"]"), check);
    }

    /** `docker run IMAGE aim-engine launch Qwen/Qwen3-32B 8` replaces CMD; tini runs it, found on PATH. */
    @Test
    void aimEngineIsOnThePathForTheSeedsCommand() throws Exception {
        assertTrue(finalRun("ln -s").args.contains("ln -s /opt/aim-engine/aim-engine /usr/local/bin/aim-engine"));
        List<String> cmd = List.of(new ObjectMapper().readValue(of("final", "CMD").get(0).args, String[].class));
        assertEquals("aim-engine", cmd.get(0));
    }
}
