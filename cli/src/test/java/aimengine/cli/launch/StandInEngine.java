package aimengine.cli.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the TEST STAND-IN for vLLM (vllm_standin.py, not vLLM) on a PATH as {@code vllm}, so that tests run the real
 * launch code path against a process that loads, serves /health and /v1/models, crashes or ignores SIGTERM on cue.
 */
public final class StandInEngine {
    private StandInEngine() {
    }

    /** @return the bin folder under {@code dir} that holds the stand-in as {@code vllm} */
    public static Path install(Path dir) {
        Path bin = dir.resolve("bin");
        try (InputStream in = StandInEngine.class.getResourceAsStream("vllm_standin.py")) {
            Files.createDirectories(bin);
            Path vllm = bin.resolve("vllm");
            Files.copy(in, vllm, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(vllm, PosixFilePermissions.fromString("rwxr-xr-x"));
            return bin;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test JVM's environment with the stand-in first on PATH and its STANDIN_* settings. */
    public static Map<String, String> env(Path bin, Map<String, String> standin) {
        Map<String, String> env = new HashMap<>(System.getenv());
        // nothing of the machine's own aim-engine or Hugging Face set-up may leak into a test run
        env.keySet().removeIf(k -> k.startsWith("STANDIN_") || k.startsWith("AIM_") || k.startsWith("HF_")
                || List.of("CACHE_DIR", "DEFAULT_PORT", "DEFAULT_TIMEOUT", "LOG_LEVEL").contains(k));
        // metrics only where a test asks for them: tests running side by side must not contend for the default port
        env.put("AIM_METRICS_PORT", "0");
        env.put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.putAll(standin);
        return aimengine.cli.HubOff.unlessAsked(env);
    }

    /** A port that was free a moment ago on 127.0.0.1. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
