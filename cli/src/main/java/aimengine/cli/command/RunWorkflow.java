package aimengine.cli.command;

import aimengine.cache.CacheBusyException;
import aimengine.cache.CheckpointStatus;
import aimengine.cache.ModelLock;
import aimengine.cli.base.CliContext;
import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import aimengine.cli.launch.AwaitHealthStep;
import aimengine.cli.launch.Backoff;
import aimengine.cli.launch.Console;
import aimengine.cli.launch.DetectStep;
import aimengine.cli.launch.EngineInstallation;
import aimengine.cli.launch.EventLog;
import aimengine.cli.launch.GenerateStep;
import aimengine.cli.launch.HealthCheck;
import aimengine.cli.launch.HealthWaiter;
import aimengine.cli.launch.LaunchGraph;
import aimengine.cli.launch.LaunchKeys;
import aimengine.cli.launch.LaunchSettings;
import aimengine.cli.launch.RunState;
import aimengine.cli.launch.RunStateFile;
import aimengine.cli.launch.RunningEngine;
import aimengine.cli.launch.SelectStep;
import aimengine.cli.launch.SignalTrap;
import aimengine.cli.launch.SpawnStep;
import aimengine.cli.launch.StateDir;
import aimengine.cli.launch.Step;
import aimengine.cli.launch.StepExecutor;
import aimengine.cli.launch.StepRecord;
import aimengine.cli.launch.StepReport;
import aimengine.cli.launch.StepResults;
import aimengine.cli.launch.StopRequest;
import aimengine.cli.launch.SuperviseStep;
import aimengine.cli.launch.Wakeup;
import aimengine.cli.render.GraphRenderer;
import aimengine.cli.render.Shell;
import aimengine.cli.render.StepTable;
import aimengine.engine.Backend;
import aimengine.engine.FlagCatalog;
import aimengine.engine.FlagCatalogs;
import aimengine.engine.FlagValidator;
import aimengine.engine.InstalledEngineFlags;
import aimengine.generate.EngineCommand;
import aimengine.generate.EngineOverrides;
import aimengine.io.InputException;
import aimengine.plan.Plan;
import aimengine.plan.SelectedPlan;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * The work of run and launch: the launch graph (detect, select, generate, spawn, await-health, supervise) built from
 * the options, run step by step, with the state file other shells read, signal handling and the step table.
 */
final class RunWorkflow {
    private static final Duration ASK_ENGINE_TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CliContext context;
    private final PlanMixin plan;
    private final RunMixin run;
    private final OutputMixin output;
    private final PrintWriter out;
    private final EventLog log;
    private final PlanSetup setup;
    private final LaunchSettings settings;
    private final Path stateDir;
    private final Wakeup wakeup = new Wakeup();
    private final StopRequest stop = new StopRequest(wakeup);
    private final StepResults results = new StepResults();
    private final Instant started = Instant.now();
    private boolean stateWriteFailed;
    private ModelLock modelLock;

    RunWorkflow(CliContext context, PlanMixin plan, RunMixin run, OutputMixin output, PrintWriter out, PrintWriter err,
                boolean debug) {
        this.context = context;
        this.plan = plan;
        this.run = run;
        this.output = output;
        this.out = out;
        this.setup = new PlanSetup(context, plan, run.offline);
        this.stateDir = StateDir.resolve(context);
        this.log = new EventLog(new Console(err, System.console() != null), run.logFormat, level(context, debug),
                Clock.systemUTC());
        this.settings = settings();
    }

    /**
     * The launch graph `run` would follow for these plan options and default run options, for `plan --graph`
     * (render it with {@link GraphRenderer}); nothing runs.
     */
    static LaunchGraph launchGraph(CliContext context, PlanMixin plan) {
        RunMixin defaults = CommandLine.populateCommand(new RunMixin());
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        return new RunWorkflow(context, plan, defaults, new OutputMixin(), none, none, false).graph();
    }

    int execute() throws Exception {
        LaunchGraph graph = graph();
        StepExecutor executor = new StepExecutor(System::nanoTime, new StepExecutor.Listener() {
            @Override
            public void finished(StepRecord r) {
                boolean ok = r.status() == StepRecord.Status.OK;
                // A failure is said once, by the command's final error line (and shown in the step table); the steps
                // it skipped are a consequence, not warnings. Both stay in the debug log.
                boolean said = r.status() == StepRecord.Status.FAILED || r.status() == StepRecord.Status.SKIPPED;
                log.event(said ? EventLog.Level.DEBUG : EventLog.Level.INFO,
                        r.step(), r.step() + (ok ? "" : " " + r.status().key()) + ": " + r.detail(),
                        Map.of("status", r.status().key(), "durationMs", r.duration().toMillis()));
            }
        });
        if (run.dryRun) {
            StepReport report = executor.run(graph.upTo("generate"), results);
            printDryRun(graph, report);
            return finish(report);
        }
        RunStateFile stateFile = new RunStateFile(stateDir);
        refuseSecondRun(stateFile);
        Thread hook = new Thread(() -> cleanUp(stateFile), "aim-engine-stop-engine");
        Runtime.getRuntime().addShutdownHook(hook);
        StepReport report;
        try (SignalTrap trap = new SignalTrap(stop)) {
            report = executor.run(graph, results);
        } finally {
            cleanUp(stateFile);
            removeHook(hook);
        }
        printTable(report);
        return finish(report);
    }

    /** The launch graph of this run's options; nothing runs until {@link #execute}. */
    LaunchGraph graph() {
        FlagCatalogs shipped = FlagCatalogs.builtin();
        HealthWaiter waiter = new HealthWaiter(new HealthCheck(Duration.ofSeconds(2)), Backoff.HEALTH, wakeup, stop, log, System::nanoTime);
        List<Step> steps = List.of(
                new DetectStep(() -> setup.host(true)),
                new SelectStep(host -> availableOffline(setup.plan(host, settings.port(), settings.bind()))),
                new GenerateStep(EngineOverrides.parse(run.engineArgs, context.env(EngineOverrides.ENV)),
                        catalogs(shipped), new FlagValidator(shipped),
                        key -> setup.hardware().byKey(key).orElseThrow(), settings, log),
                new SpawnStep(new EngineInstallation(context.env(), InstalledEngineFlags.processRunner(context.env())),
                        settings, log, wakeup, Clock.systemUTC(), this::recordState, this::holdModelLock, stop),
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

    /** --engine-version's shipped catalog; else what the installed engine says; else the newest shipped catalog. */
    private Function<Backend, FlagCatalog> catalogs(FlagCatalogs shipped) {
        Map<Backend, FlagCatalog> chosen = new EnumMap<>(Backend.class);
        return backend -> chosen.computeIfAbsent(backend, b -> {
            if (run.engineVersion != null) {
                return shipped.version(b, run.engineVersion).orElseThrow(() -> new InputException("--engine-version", 0,
                        "no " + b.key() + " flag catalog of version " + run.engineVersion + " ships with aim-engine;"
                        + " known: " + String.join(", ", shipped.versions(b))));
            }
            InstalledEngineFlags installed = new InstalledEngineFlags(InstalledEngineFlags.processRunner(context.env()),
                    flagCache(), ASK_ENGINE_TIMEOUT);
            return installed.ask(b).orElseGet(() -> {
                log.debug("generate", "the installed " + b.key() + " could not be asked for its flags; using the"
                        + " shipped catalog " + shipped.newest(b).label(), null);
                return shipped.newest(b);
            });
        });
    }

    private Path flagCache() {
        String cache = context.env("AIM_CACHE");
        return cache != null && !cache.isBlank() ? Path.of(cache, "flags") : context.home().resolve(".cache/aim-engine/flags");
    }

    private LaunchSettings settings() {
        int port = run.port != null ? run.port : setup.defaultPort();
        if (port < 1 || port > 65535) {
            throw new InputException("--port", 0, port + " is not a port number (1-65535)");
        }
        int timeout = run.timeout != null ? run.timeout : defaultTimeout(context);
        if (timeout < 1) {
            // the value came from the variable when the flag was not given: name what the user set
            throw run.timeout != null ? new InputException("--timeout", 0, timeout + ": must be at least 1 second")
                    : new InputException("DEFAULT_TIMEOUT", 0, timeout + ": must be at least 1 second");
        }
        if (run.restarts < 0) {
            throw new InputException("--restarts", 0, run.restarts + ": must be 0 or more");
        }
        if (run.grace < 0) {
            throw new InputException("--grace", 0, run.grace + ": must be 0 or more seconds");
        }
        Path logFile = run.logFile != null ? context.workingDirectory().resolve(run.logFile) : StateDir.defaultLogFile(stateDir);
        return new LaunchSettings(BindAddress.check(run.bind), port, Duration.ofSeconds(timeout), run.restarts, Duration.ofSeconds(run.grace),
                logFile, context.env(), context.workingDirectory(), run.offline);
    }

    /** DEFAULT_TIMEOUT, else 600 seconds: how long run waits for a healthy engine (deploy's startup floor too). */
    static int defaultTimeout(CliContext context) {
        String t = context.env("DEFAULT_TIMEOUT", "600");
        try {
            return Integer.parseInt(t.trim());
        } catch (NumberFormatException e) {
            throw new InputException("DEFAULT_TIMEOUT", 0, "'" + t + "' is not a whole number of seconds");
        }
    }

    private static EventLog.Level level(CliContext context, boolean debug) {
        if (debug) {
            return EventLog.Level.DEBUG;
        }
        String text = context.env("LOG_LEVEL", "info");
        EventLog.Level level = EventLog.Level.parse(text);
        if (level == null) {
            throw new InputException("LOG_LEVEL", 0, "'" + text + "' is not one of debug, info, warn, error");
        }
        return level;
    }

    private void refuseSecondRun(RunStateFile stateFile) {
        stateFile.read().ifPresent(s -> {
            if (RunStateFile.isLive(s)) {
                throw new ExitException(ExitCodes.FAILURE, "another aim-engine run is active (pid " + s.pid() + ", "
                        + s.model() + " on port " + s.port() + "); stop it with 'aim-engine stop', or give this run"
                        + " its own AIM_STATE_DIR");
            }
            log.info("spawn", "replacing the stale state file of pid " + s.pid() + ", which is gone", null);
        });
    }

    private void recordState(RunningEngine engine, RunningEngine.Phase phase) {
        SelectedPlan s = results.get(LaunchKeys.PLAN).selected();
        ProcessHandle self = ProcessHandle.current();
        RunState state = new RunState(self.pid(), RunStateFile.startOf(self), engine.current().pid(),
                engine.current().processGroup(), settings.port(), settings.bind(), settings.base().toString(), plan.model,
                s.candidate().recipeId(), s.candidate().backend(), started.toString(), engine.restarts(), phase.key(),
                settings.logFile().toAbsolutePath().toString(), settings.grace().toSeconds(), results.get(LaunchKeys.COMMAND).shown().argv());
        try {
            new RunStateFile(stateDir).write(state);
        } catch (IOException e) {
            if (!stateWriteFailed) {
                stateWriteFailed = true;
                log.warn("spawn", "cannot write the state file in " + stateDir + " (" + e.getMessage()
                        + "); status, logs and stop will not find this run", null);
            }
        }
    }

    /** A model the engine serves is locked in the cache, so that 'aim-engine cache clean' leaves it alone. */
    private synchronized void holdModelLock() {
        String checkpoint = results.get(LaunchKeys.PLAN).selected().checkpoint();
        try {
            modelLock = ModelLock.acquire(setup.cacheRoot(), checkpoint);
        } catch (CacheBusyException e) {
            throw new ExitException(ExitCodes.FAILURE, e.getMessage());
        }
        if (!modelLock.held()) {
            log.warn("spawn", "the model is not locked against 'aim-engine cache clean': " + modelLock.notHeldReason(), null);
        }
    }

    /**
     * The safety net, also run by the shutdown hook (SIGHUP, an exit from elsewhere): no engine process outlives
     * aim-engine, and its model lock and state file go with it.
     */
    private synchronized void cleanUp(RunStateFile stateFile) {
        results.find(LaunchKeys.ENGINE).ifPresent(engine -> {
            try {
                engine.stop(settings.grace(), stop::urgent);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ModelLock lock = modelLock;
        modelLock = null;
        if (lock != null) {
            lock.close();
        }
        try {
            stateFile.deleteIfOwnedBy(ProcessHandle.current().pid());
        } catch (IOException e) {
            log.warn("supervise", "cannot remove the state file " + stateFile.path() + ": " + e.getMessage(), null);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run; nothing to remove
        }
    }

    /** A stop by signal is what the user asked for: its exit code, without an error line. */
    private static int finish(StepReport report) throws Exception {
        Exception failure = report.failure();
        if (failure instanceof ExitException e
                && (e.exitCode() == ExitCodes.TERMINATED || e.exitCode() == ExitCodes.INTERRUPTED)) {
            return e.exitCode();
        }
        if (failure != null) {
            throw failure;
        }
        return ExitCodes.OK;
    }

    private void printTable(StepReport report) throws IOException {
        if (output.json()) {
            ObjectNode n = JSON.createObjectNode();
            n.put("model", plan.model);
            n.set("steps", StepTable.json(JSON, report));
            out.println(JSON.writeValueAsString(n));
        } else {
            out.println("Steps:");
            out.print(StepTable.text(report));
        }
        out.flush();
    }

    private void printDryRun(LaunchGraph graph, StepReport report) throws IOException {
        EngineCommand command = results.find(LaunchKeys.COMMAND).map(EngineCommand::shown).orElse(null);
        if (output.json()) {
            ObjectNode n = JSON.createObjectNode();
            n.put("model", plan.model);
            if (command != null) {
                n.putPOJO("command", command.argv());
                n.putPOJO("env", command.env());
            }
            n.set("graph", graphJson(graph));
            n.set("steps", StepTable.json(JSON, report));
            out.println(JSON.writeValueAsString(n));
            out.flush();
            return;
        }
        out.println("Dry run: aim-engine run " + plan.model + " would launch");
        if (command != null) {
            SelectedPlan s = results.get(LaunchKeys.PLAN).selected();
            out.println("  recipe  " + s.candidate().recipeId() + " (" + s.recipe().source() + ")");
            out.println("  listen  " + settings.bind() + ":" + settings.port() + ", healthy within "
                    + settings.timeout().toSeconds() + " s, up to " + settings.restarts() + " restarts");
            out.println();
            out.println("Command:");
            out.println("  " + Shell.join(command.argv()));
            out.println();
            out.println("Environment (on top of aim-engine's own):");
            if (command.env().isEmpty()) {
                out.println("  (none)");
            }
            command.env().forEach((k, v) -> out.println("  " + k + "=" + Shell.quote(v)));
        }
        out.println();
        out.println("Launch graph:");
        out.print(GraphRenderer.text(graph, "  "));
        out.println();
        out.println("Steps:");
        out.print(StepTable.text(report));
        out.flush();
    }

    private static ObjectNode graphJson(LaunchGraph graph) {
        ObjectNode g = JSON.createObjectNode();
        ArrayNode nodes = g.putArray("steps");
        graph.order().forEach(s -> nodes.add(s.name()));
        ArrayNode edges = g.putArray("edges");
        for (LaunchGraph.Edge e : graph.graph().edgeSet()) {
            ObjectNode n = edges.addObject();
            n.put("from", graph.graph().getEdgeSource(e).name());
            n.put("to", graph.graph().getEdgeTarget(e).name());
            ArrayNode carries = n.putArray("carries");
            e.carries().forEach(k -> carries.add(k.name()));
        }
        return g;
    }
}
