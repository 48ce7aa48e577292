package aimengine.probe;

import aimengine.io.Executables;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command-line tool found on the PATH of the given environment, with that environment only, under a timeout.
 * Output goes to temporary files rather than pipes, so a tool (or a child it left behind) that keeps its output open
 * cannot block us; on timeout the whole process tree is killed.
 */
public final class ToolRunner {
    private static final int MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
    private static final Duration KILL_GRACE = Duration.ofSeconds(2);

    private final Map<String, String> env;

    public ToolRunner(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The executable named tool in the first PATH folder that has it. */
    public Optional<Path> find(String tool) {
        return Executables.find(tool, env.get("PATH"));
    }

    /**
     * Runs tool with args. Throws {@link ProbeException#absent} when the tool is not on PATH and
     * {@link ProbeException#failed} when it cannot be started or does not finish within timeout.
     */
    public ToolResult run(Duration timeout, String tool, String... args) throws ProbeException {
        Path executable = find(tool).orElseThrow(() -> ProbeException.absent(tool + " is not on PATH"));
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("aim-probe-", ".out");
            err = Files.createTempFile("aim-probe-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean finished;
            try {
                finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                killTree(process);
                Thread.currentThread().interrupt();
                throw ProbeException.failed(tool + " was interrupted");
            }
            if (!finished) {
                killTree(process);
                throw ProbeException.failed(tool + " did not finish within " + seconds(timeout) + "; stopped it");
            }
            return new ToolResult(tool, process.exitValue(), read(out), read(err));
        } catch (IOException e) {
            throw ProbeException.failed("cannot run " + executable + ": " + e.getMessage());
        } finally {
            delete(out);
            delete(err);
        }
    }

    private static void killTree(Process process) {
        // Collect the children before the parent dies: once orphaned they can no longer be found through it.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_OUTPUT_BYTES), StandardCharsets.UTF_8);
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless; the probe result matters more
            }
        }
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format("%.1f s", ms / 1000.0);
    }
}
