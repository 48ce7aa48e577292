package aimengine.cli.launch;

import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import aimengine.generate.EngineCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the engine in its own process group, after checking that it is installed (exit 4) and that its port is
 * free (exit 5), and after the run's own preparation (holding the model's cache lock).
 */
public final class SpawnStep implements Step {
    private final EngineInstallation installation;
    private final LaunchSettings settings;
    private final EventLog log;
    private final Wakeup wakeup;
    private final Clock clock;
    private final RunningEngine.Listener listener;
    private final Runnable beforeSpawn;
    private final StopRequest stop;

    /**
     * @param listener    told of every start and phase of the engine (the state file)
     * @param beforeSpawn runs once the checks passed, right before the engine starts
     * @param stop        a stop asked for before the engine starts means it is not started
     */
    public SpawnStep(EngineInstallation installation, LaunchSettings settings, EventLog log, Wakeup wakeup,
                     Clock clock, RunningEngine.Listener listener, Runnable beforeSpawn, StopRequest stop) {
        this.installation = installation;
        this.settings = settings;
        this.log = log;
        this.wakeup = wakeup;
        this.clock = clock;
        this.listener = listener;
        this.beforeSpawn = beforeSpawn;
        this.stop = stop;
    }

    @Override
    public String name() {
        return "spawn";
    }

    @Override
    public List<ResultKey<?>> needs() {
        return List.of(LaunchKeys.COMMAND);
    }

    @Override
    public ResultKey<?> gives() {
        return LaunchKeys.ENGINE;
    }

    @Override
    public String run(StepResults results) {
        EngineCommand command = results.get(LaunchKeys.COMMAND);
        Path program = installation.program(command);
        Path setsid = installation.setsid();
        PortCheck.problem(settings.bind(), settings.port()).ifPresent(p -> {
            throw new ExitException(ExitCodes.PORT_IN_USE, p);
        });
        beforeSpawn.run();
        // A signal that came while the earlier steps ran (asking the engine for its flags can take a while) must not
        // be followed by a fresh engine that nobody will stop.
        stop.signal().ifPresent(signal -> {
            throw new ExitException(signal.exitCode(), "stopped by " + signal.label() + " before the engine was started");
        });
        Map<String, String> env = new LinkedHashMap<>(settings.env());
        env.putAll(command.env());
        command.backend().profile().launchEnv().forEach(env::putIfAbsent);
        String engineName = command.backend().key();
        EngineSpawner spawner = new EngineSpawner(setsid, program, command.argv(), env, settings.workingDirectory(),
                settings.logFile(), engineName, log, wakeup, clock, command::mask);
        RunningEngine engine = new RunningEngine(spawner, listener);
        EngineProcess p;
        try {
            p = engine.start();
        } catch (IOException e) {
            throw new ExitException(ExitCodes.FAILURE, "cannot start " + program + ": " + e.getMessage(), e);
        }
        results.put(LaunchKeys.ENGINE, engine);
        return "pid " + p.pid() + " (process group " + p.processGroup() + "), log " + settings.logFile();
    }
}
