package aimengine.cli.command;

import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import aimengine.cli.launch.RunState;
import aimengine.cli.launch.RunStateFile;
import aimengine.cli.base.AimPaths;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `aim-engine logs [-f]`: the engine output of the active (or last) run. */
@Command(name = "logs", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print the engine's log of the active 'aim-engine run' (or of the last run when none is active).",
                "Exit codes: 0 ok, 1 no log to show."})
public final class LogsCommand extends BaseCommand {
    private static final long FOLLOW_POLL_MS = 200;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until the run ends.")
    boolean follow;

    @Option(names = {"-n", "--tail"}, paramLabel = "N", description = "Only the last N lines.")
    Integer tail;

    @Override
    protected int execute() throws Exception {
        AimPaths paths = AimPaths.of(context());
        RunStateFile stateFile = new RunStateFile(paths.state());
        Optional<RunState> state = stateFile.read();
        Path log = state.map(s -> Path.of(s.logFile())).orElse(paths.defaultLogFile());
        if (!Files.isRegularFile(log)) {
            throw new ExitException(ExitCodes.FAILURE, "no engine log at " + log + (state.isEmpty()
                    ? " (no aim-engine run is active)" : ""));
        }
        long offset = printExisting(log);
        if (follow) {
            follow(log, offset, stateFile, state);
        }
        return ExitCodes.OK;
    }

    private long printExisting(Path log) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (tail != null) {
            List<String> lines = text.lines().toList();
            lines.subList(Math.max(0, lines.size() - Math.max(0, tail)), lines.size()).forEach(out()::println);
        } else {
            out().print(text);
        }
        out().flush();
        return bytes.length;
    }

    /** Prints what is appended until the run that writes the log is gone (a new run truncates it: start over). */
    private void follow(Path log, long offset, RunStateFile stateFile, Optional<RunState> state)
            throws IOException, InterruptedException {
        long pos = offset;
        while (true) {
            boolean running = state.isPresent() && RunStateFile.isLive(state.get())
                    && stateFile.read().map(s -> s.pid() == state.get().pid()).orElse(false);
            pos = printFrom(log, pos);
            if (!running) {
                return;
            }
            Thread.sleep(FOLLOW_POLL_MS);
        }
    }

    private long printFrom(Path log, long pos) throws IOException {
        if (!Files.isRegularFile(log)) {
            return pos;
        }
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long start = f.length() < pos ? 0 : pos;
            byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE, f.length() - start)];
            f.seek(start);
            f.readFully(bytes);
            out().print(new String(bytes, StandardCharsets.UTF_8));
            out().flush();
            return start + bytes.length;
        }
    }
}
