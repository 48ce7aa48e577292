package aimengine.cli.command;

import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import aimengine.cli.launch.ProcessGroup;
import aimengine.cli.launch.RunState;
import aimengine.cli.launch.RunStateFile;
import aimengine.cli.base.AimPaths;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;

/**
 * `aim-engine stop`: SIGTERM to the active run, which stops its engine with its grace period and exits; SIGKILL
 * (to the run and the engine's process group) only when it does not exit in time. A stale state file is never
 * trusted with a signal.
 */
@Command(name = "stop", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Stop the active 'aim-engine run' of this container and its engine.",
                "Exit codes: 0 stopped or nothing to stop, 1 processes are left."})
public final class StopCommand extends BaseCommand {
    /** Beyond the run's grace period: time for it to report and exit after the engine is gone. */
    private static final Duration MARGIN = Duration.ofSeconds(10);

    @Override
    protected int execute() throws Exception {
        RunStateFile file = new RunStateFile(AimPaths.of(context()).state());
        Optional<RunState> found = file.read();
        if (found.isEmpty()) {
            out().println("nothing to stop: no aim-engine run is active");
            return ExitCodes.OK;
        }
        RunState s = found.get();
        if (!RunStateFile.isLive(s)) {
            Files.deleteIfExists(file.path());
            out().println("nothing to stop: the state file named aim-engine pid " + s.pid() + ", which is gone;"
                    + " removed the stale file");
            List<Long> left = new ProcessGroup(s.processGroup()).members();
            if (!left.isEmpty()) {
                err().println("warning: process group " + s.processGroup() + " of the engine it ran still has processes "
                        + left + "; not signalled, as the state is stale: check them with 'ps -o pid,cmd -g "
                        + s.processGroup() + "'");
            }
            out().flush();
            return ExitCodes.OK;
        }
        ProcessHandle run = ProcessHandle.of(s.pid()).orElseThrow();
        Duration wait = Duration.ofSeconds(s.graceSeconds()).plus(MARGIN);
        out().println("stopping aim-engine run pid " + s.pid() + " (" + s.model() + " on port " + s.port()
                + "); waiting up to " + wait.toSeconds() + " s");
        out().flush();
        run.destroy();
        try {
            run.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            err().println("warning: aim-engine pid " + s.pid() + " did not exit in time; killing it and the engine's"
                    + " process group " + s.processGroup());
            run.destroyForcibly();
            new ProcessGroup(s.processGroup()).signal(true);
            Thread.sleep(500);
            file.deleteIfOwnedBy(s.pid());
        }
        List<Long> left = new ProcessGroup(s.processGroup()).members();
        if (!left.isEmpty()) {
            throw new ExitException(ExitCodes.FAILURE, "engine processes are still left in process group "
                    + s.processGroup() + ": " + left);
        }
        out().println("stopped");
        return ExitCodes.OK;
    }
}
