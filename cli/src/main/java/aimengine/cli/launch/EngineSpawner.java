package aimengine.cli.launch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Starts the engine: {@code setsid PROGRAM ARGS...} so it runs in a session and process group of its own (a Ctrl-C
 * on the terminal reaches aim-engine only, which then stops the engine with its grace period, and the whole group
 * can be signalled at once). The JVM's child is never a group leader, so setsid execs in place and the engine keeps
 * the PID aim-engine sees.
 */
public final class EngineSpawner {
    private final UnaryOperator<String> mask;
    private final Path setsid;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path workingDirectory;
    private final Path logFile;
    private final String engine;
    private final EventLog log;
    private final Wakeup wakeup;
    private final Clock clock;

    /**
     * @param setsid           the setsid program
     * @param program          the engine's program, resolved on the engine's PATH
     * @param argv             the engine's argv (argv[0] is replaced by {@code program})
     * @param env              the engine's whole environment
     * @param logFile          the engine's output, truncated on the first start, appended on restarts
     * @param engine           the console prefix, e.g. "vllm"
     * @param mask             masks the secrets in each line the engine prints (SGLang prints its --api-key)
     */
    public EngineSpawner(Path setsid, Path program, List<String> argv, Map<String, String> env, Path workingDirectory,
                         Path logFile, String engine, EventLog log, Wakeup wakeup, Clock clock,
                         UnaryOperator<String> mask) {
        this.mask = mask;
        this.setsid = setsid;
        this.command = new ArrayList<>(argv);
        this.command.set(0, program.toString());
        this.env = Map.copyOf(env);
        this.workingDirectory = workingDirectory;
        this.logFile = logFile;
        this.engine = engine;
        this.log = log;
        this.wakeup = wakeup;
        this.clock = clock;
    }

    /** @param restart 0 for the first start, then the number of the restart */
    public EngineProcess spawn(int restart) throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Writer file = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, restart == 0 ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
        if (restart > 0) {
            file.write("--- aim-engine: restart " + restart + " at " + clock.instant() + " ---\n");
        }
        List<String> argv = new ArrayList<>();
        argv.add(setsid.toString());
        argv.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true).directory(workingDirectory.toAbsolutePath().toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            file.close();
            throw e;
        }
        process.getOutputStream().close();
        EngineOutput output = new EngineOutput(engine, log, new BufferedWriter(file), wakeup, mask);
        Thread reader = new Thread(() -> output.consume(process.getInputStream()), engine + "-output");
        reader.setDaemon(true);
        reader.start();
        process.onExit().thenRun(wakeup::poke);
        return new EngineProcess(process, output, reader);
    }
}
