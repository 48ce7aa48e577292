package aimengine.cli.command;

import aimengine.cache.CheckpointStatus;
import aimengine.cli.base.AimPaths;
import aimengine.cli.base.CliContext;
import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import aimengine.cli.launch.AwaitHealthStep;
import aimengine.cli.launch.Backoff;
import aimengine.cli.launch.Console;
import aimengine.cli.launch.DetectStep;
import aimengine.cli.launch.EngineInstallation;
import aimengine.cli.launch.EngineSecrets;
import aimengine.cli.launch.EventLog;
import aimengine.cli.launch.GenerateStep;
import aimengine.cli.launch.HealthCheck;
import aimengine.cli.launch.HealthObserver;
import aimengine.cli.launch.HealthWaiter;
import aimengine.cli.launch.LaunchGraph;
import aimengine.cli.launch.LaunchSettings;
import aimengine.cli.launch.RunningEngine;
import aimengine.cli.launch.SelectStep;
import aimengine.cli.launch.SpawnStep;
import aimengine.cli.launch.Step;
import aimengine.cli.launch.StopRequest;
import aimengine.cli.launch.SuperviseStep;
import aimengine.cli.launch.Wakeup;
import aimengine.engine.Backend;
import aimengine.engine.FlagCatalog;
import aimengine.engine.FlagCatalogs;
import aimengine.engine.FlagValidator;
import aimengine.engine.InstalledEngineFlags;
import aimengine.generate.EngineOverrides;
import aimengine.io.InputException;
import aimengine.plan.Plan;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Builds the launch graph (detect, select, generate, spawn, await-health, supervise) from the options of a run;
 * nothing runs until the graph is executed, so `plan --graph` draws the same graph without a run.
 */
final class LaunchGraphFactory {
    private static final Duration ASK_ENGINE_TIMEOUT = Duration.ofSeconds(120);

    /** What the process steps report to the run around them: the state file, the model lock, the metrics. */
    interface Hooks {
        Hooks NONE = new Hooks() {
        };

        /** Told of every start and phase of the engine. */
        default void changed(RunningEngine engine, RunningEngine.Phase phase) {
        }

        /** Runs once spawn's checks passed, right before the engine starts. */
        default void beforeSpawn() {
        }

        /** Told of every health check. */
        default HealthObserver health() {
            return HealthObserver.NONE;
        }

        /** Sees the plan before generation and may refuse it (a plan that spans nodes needs a rank, see run). */
        default Plan selected(Plan plan) {
            return plan;
        }
    }

    private final CliContext context;
    private final PlanSetup setup;
    private final RunMixin run;
    private final LaunchSettings settings;
    private final AimPaths paths;
    private final EventLog log;
    private final Wakeup wakeup;
    private final StopRequest stop;
    private final Map<Backend, FlagCatalog> chosen = new EnumMap<>(Backend.class);

    LaunchGraphFactory(CliContext context, PlanSetup setup, RunMixin run, LaunchSettings settings, AimPaths paths,
                       EventLog log, Wakeup wakeup, StopRequest stop) {
        this.context = context;
        this.setup = setup;
        this.run = run;
        this.settings = settings;
        this.paths = paths;
        this.log = log;
        this.wakeup = wakeup;
        this.stop = stop;
    }

    /**
     * The launch graph `run` would follow for these plan options and default run options, for `plan --graph`;
     * nothing runs.
     */
    static LaunchGraph preview(CliContext context, PlanMixin plan) {
        RunMixin defaults = CommandLine.populateCommand(new RunMixin());
        PlanSetup setup = new PlanSetup(context, plan, defaults.offline);
        AimPaths paths = AimPaths.of(context);
        EventLog silent = new EventLog(new Console(new PrintWriter(Writer.nullWriter()), false), defaults.logFormat,
                EventLog.Level.ERROR, Clock.systemUTC());
        Wakeup wakeup = new Wakeup();
        return new LaunchGraphFactory(context, setup, defaults, RunSettings.read(context, defaults, setup, paths), paths,
                silent, wakeup, new StopRequest(wakeup)).graph(Hooks.NONE);
    }

    LaunchGraph graph(Hooks hooks) {
        FlagCatalogs shipped = FlagCatalogs.builtin();
        EngineSecrets secrets = setup.secrets();
        HealthWaiter waiter = new HealthWaiter(new HealthCheck(Duration.ofSeconds(2), secrets.apiKey()), Backoff.HEALTH,
                wakeup, stop, log,
                System::nanoTime, hooks.health());
        List<Step> steps = List.of(
                new DetectStep(() -> setup.host(true)),
                new SelectStep(host -> hooks.selected(availableOffline(setup.plan(host, settings.port(),
                        settings.bind(), installedVersion())))),
                new GenerateStep(EngineOverrides.parse(run.engineArgs, context.env(EngineOverrides.ENV)),
                        this::catalog, new FlagValidator(shipped),
                        key -> setup.hardware().byKey(key).orElseThrow(), secrets, settings, log),
                new SpawnStep(new EngineInstallation(context.env(), InstalledEngineFlags.processRunner(context.env())),
                        settings, log, wakeup, Clock.systemUTC(), hooks::changed, hooks::beforeSpawn, stop),
                new AwaitHealthStep(waiter, settings, stop, log),
                new SuperviseStep(waiter, settings, Backoff.RESTART, stop, wakeup, log));
        return LaunchGraph.of(steps);
    }

    /** With --offline, a plan whose checkpoint is not completely cached cannot start: the engine may not download. */
    private Plan availableOffline(Plan plan) {
        if (!run.offline || !plan.feasible()) {
            return plan;
        }
        CheckpointStatus cache = setup.cacheStatus(plan);
        if (!cache.usableOffline()) {
            throw new ExitException(ExitCodes.NO_PLAN, "--offline: " + cache.checkpointId() + " is not completely in the"
                    + " cache (" + String.join("; ", cache.problems()) + "); download it first or run without --offline");
        }
        return plan;
    }

    /** The installed engine's version, for its advisories; not asked when --engine-version names the version. */
    private Optional<String> installedVersion() {
        if (setup.engineVersion() != null) {
            return Optional.empty();
        }
        return InstalledEngineFlags.version(InstalledEngineFlags.processRunner(context.env()), setup.backend());
    }

    /**
     * The flag catalog of the engine version that will run, chosen once per engine: --engine-version's shipped
     * catalog; else what the installed engine says; else the newest shipped catalog.
     */
    FlagCatalog catalog(Backend backend) {
        FlagCatalogs shipped = FlagCatalogs.builtin();
        return chosen.computeIfAbsent(backend, b -> {
            String version = setup.engineVersion();
            if (version != null) {
                return shipped.version(b, version).orElseThrow(() -> new InputException("--engine-version", 0,
                        "no " + b.key() + " flag catalog of version " + version + " ships with aim-engine;"
                        + " known: " + String.join(", ", shipped.versions(b))));
            }
            InstalledEngineFlags installed = new InstalledEngineFlags(InstalledEngineFlags.processRunner(context.env()),
                    paths.flagCache(), ASK_ENGINE_TIMEOUT);
            return installed.ask(b).orElseGet(() -> {
                log.debug("generate", "the installed " + b.key() + " could not be asked for its flags; using the"
                        + " shipped catalog " + shipped.newest(b).label(), null);
                return shipped.newest(b);
            });
        });
    }
}
