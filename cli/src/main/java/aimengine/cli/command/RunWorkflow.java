package aimengine.cli.command;

import aimengine.cli.base.AimPaths;
import aimengine.cli.base.CliContext;
import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import aimengine.cli.launch.Console;
import aimengine.cli.launch.EngineInstallation;
import aimengine.cli.launch.GroupRank;
import aimengine.cli.launch.GroupRole;
import aimengine.cli.launch.GroupStateFile;
import aimengine.cli.launch.HealthCheck;
import aimengine.cli.launch.EventLog;
import aimengine.cli.launch.LaunchGraph;
import aimengine.cli.launch.LaunchKeys;
import aimengine.cli.launch.LaunchSettings;
import aimengine.cli.launch.RunGuard;
import aimengine.cli.launch.RunStateFile;
import aimengine.cli.launch.RunningEngine;
import aimengine.cli.launch.SignalTrap;
import aimengine.cli.launch.StepExecutor;
import aimengine.cli.launch.StepRecord;
import aimengine.cli.launch.StepReport;
import aimengine.cli.launch.StepResults;
import aimengine.cli.launch.StopRequest;
import aimengine.cli.launch.Wakeup;
import aimengine.cli.render.RunReport;
import aimengine.cli.launch.HealthObserver;
import aimengine.cli.metrics.EngineMetricsSource;
import aimengine.engine.Backend;
import aimengine.engine.EngineProfile;
import aimengine.engine.InstalledEngineFlags;
import aimengine.engine.NodeSpanning;
import aimengine.plan.SelectedPlan;
import aimengine.cli.metrics.GpuReaders;
import aimengine.cli.metrics.GpuSampler;
import aimengine.cli.metrics.MetricsEndpoint;
import aimengine.cli.metrics.ProcessTreeUsage;
import aimengine.cli.metrics.RunMetrics;
import aimengine.cli.metrics.RunObservability;
import aimengine.facts.Candidate;
import aimengine.generate.EngineCommand;
import aimengine.hardware.Hardware;
import aimengine.plan.Plan;
import aimengine.probe.ToolRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The work of run and launch: the launch graph built from the options, run step by step under a {@link RunGuard}
 * (state file, model lock, clean-up) with signal handling, then the step table.
 */
final class RunWorkflow {
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);
    private static final Duration GPU_TOOL_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ENGINE_METRICS_TIMEOUT = Duration.ofSeconds(2);
    private final PlanMixin plan;
    private final RunMixin run;
    private final OutputMixin output;
    private final PrintWriter out;
    private final EventLog log;
    private final PlanSetup setup;
    private final AimPaths paths;
    private final LaunchSettings settings;
    private final LaunchGraphFactory graphs;
    private final Wakeup wakeup = new Wakeup();
    private final StopRequest stop = new StopRequest(wakeup);
    private final StepResults results = new StepResults();
    private final Instant started = Instant.now();
    private final CliContext context;
    private final int metricsPort;

    RunWorkflow(CliContext context, PlanMixin plan, RunMixin run, OutputMixin output, PrintWriter out, PrintWriter err,
                boolean debug) {
        this.plan = plan;
        this.run = run;
        this.output = output;
        this.out = out;
        this.setup = new PlanSetup(context, plan, run.offline);
        this.paths = AimPaths.of(context);
        this.log = new EventLog(new Console(err, System.console() != null), run.logFormat,
                RunSettings.logLevel(context, debug), Clock.systemUTC());
        this.settings = RunSettings.read(context, run, setup, paths);
        this.context = context;
        this.metricsPort = RunSettings.metricsPort(context, run, settings);
        this.graphs = new LaunchGraphFactory(context, setup, run, settings, paths, log, wakeup, stop);
    }

    int execute() throws Exception {
        return execute(new GroupMixin());
    }

    /** @param group the rank options; a multi-node rank plans and generates as usual, then runs {@link GroupRank} */
    int execute(GroupMixin group) throws Exception {
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
            LaunchGraph graph = graphs.graph(oneRankOrGroup(group, LaunchGraphFactory.Hooks.NONE));
            StepReport report = executor.run(graph.upTo("generate"), results);
            Plan p = results.find(LaunchKeys.PLAN).orElse(null);
            out.print(RunReport.dryRun(plan.model, graph, report,
                    results.find(LaunchKeys.COMMAND).map(EngineCommand::shown).orElse(null),
                    p == null ? null : p.selected(), settings, output.json()));
            out.flush();
            return finish(report);
        }
        if (group.active()) {
            return runRank(executor, group);
        }
        StepReport report;
        try (RunGuard guard = new RunGuard(new RunStateFile(paths.state()), plan.model, settings, results, stop, log,
                setup::cacheRoot, started).open();
             RunObservability observability = observability().start(SAMPLE_EVERY);
             MetricsEndpoint endpoint = endpoint(observability);
             SignalTrap trap = new SignalTrap(stop)) {
            report = executor.run(graphs.graph(oneRankOrGroup(group, hooks(guard, observability))), results);
        }
        out.print(RunReport.steps(plan.model, report, output.json()));
        out.flush();
        return finish(report);
    }

    /** GPUs, the engine's process tree and its metrics, measured in the background while the run lives. */
    private RunObservability observability() {
        ToolRunner tools = new ToolRunner(context.env());
        GpuSampler gpus = new GpuSampler(GpuReaders.forHost(context.workingDirectory().resolve(plan.root), tools,
                GPU_TOOL_TIMEOUT), SAMPLE_EVERY, System::nanoTime, this::catalogKey);
        ProcessTreeUsage processes = new ProcessTreeUsage(Path.of("/proc"));
        // the backend asked for: a bad one is refused by the plan, before any engine could serve metrics
        EngineProfile.Serving engine = Optional.ofNullable(Backend.parse(plan.backend)).orElse(Backend.VLLM).profile()
                .serving();
        return new RunObservability(new RunMetrics(processes, gpus, System::nanoTime), gpus,
                new EngineMetricsSource(settings.base(), engine.metricsPath(), ENGINE_METRICS_TIMEOUT), engine.series(),
                processes,
                () -> results.find(LaunchKeys.ENGINE).map(RunningEngine::current).map(p -> p.pid()),
                paths.state().resolve(RunObservability.SNAPSHOT_FILE), Clock.systemUTC());
    }

    /** The hardware catalog's key of an AMD PCI device id ("0x74a1"), as the amdgpu sysfs files name devices. */
    private Optional<String> catalogKey(String pciDeviceId) {
        try {
            return setup.hardware().byPciDeviceId("amd", Integer.decode(pciDeviceId)).map(Hardware::key);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The scrape target, up before the engine starts; null with --metrics-port 0. */
    private MetricsEndpoint endpoint(RunObservability observability) {
        if (metricsPort == 0) {
            return null;
        }
        try {
            MetricsEndpoint endpoint = MetricsEndpoint.start(settings.bind(), metricsPort,
                    observability.metrics().registry(), observability.engineMetrics()::fetch);
            log.info("metrics", "metrics at http://" + settings.bind() + ":" + metricsPort + "/metrics",
                    Map.of("metricsPort", metricsPort));
            return endpoint;
        } catch (IOException e) {
            throw new ExitException(ExitCodes.PORT_IN_USE, "--metrics-port " + metricsPort + ": cannot listen on "
                    + settings.bind() + ":" + metricsPort + " (" + e.getMessage() + ")");
        }
    }

    private LaunchGraphFactory.Hooks hooks(RunGuard guard, RunObservability observability) {
        return new LaunchGraphFactory.Hooks() {
            @Override
            public void changed(RunningEngine engine, RunningEngine.Phase phase) {
                guard.recordState(engine, phase);
                observability.metrics().engine(engine, phase);
                if (phase == RunningEngine.Phase.SERVING) {
                    observability.sampleSoon();
                }
            }

            @Override
            public void beforeSpawn() {
                guard.holdModelLock();
                results.find(LaunchKeys.HOST).ifPresent(h -> observability.gpus().knownDevices(h.devices()));
                Candidate c = results.get(LaunchKeys.PLAN).selected().candidate();
                observability.metrics().planned(plan.model, c.recipeId(), c.backend(), c.precision(), c.gpuCount(),
                        VersionProvider.version());
            }

            @Override
            public HealthObserver health() {
                return observability.metrics();
            }
        };
    }

    /** A plan that spans nodes runs as a group: one rank per machine, each told its rank and the leader. */
    private static LaunchGraphFactory.Hooks oneRankOrGroup(GroupMixin group, LaunchGraphFactory.Hooks hooks) {
        return new LaunchGraphFactory.Hooks() {
            @Override
            public void changed(RunningEngine engine, RunningEngine.Phase phase) {
                hooks.changed(engine, phase);
            }

            @Override
            public void beforeSpawn() {
                hooks.beforeSpawn();
            }

            @Override
            public HealthObserver health() {
                return hooks.health();
            }

            @Override
            public Plan selected(Plan p) {
                if (p.feasible() && p.selected().span().nodes() > 1 && !group.active()) {
                    int n = p.selected().span().nodes();
                    throw new ExitException(ExitCodes.BAD_INPUT, "the plan spans " + n + " nodes: run 'aim-engine run'"
                            + " on each of the " + n + " machines with --nodes " + n + " --node-rank R (0.." + (n - 1)
                            + ") --leader-address HOST of rank 0 (or deploy with --target lws)");
                }
                return hooks.selected(p);
            }
        };
    }

    /**
     * One rank of a multi-node group: plan and generate as a one-node run does (the same checks, the same command),
     * then hand over to {@link GroupRank}, which starts the runtime and the engine and watches the group.
     */
    private int runRank(StepExecutor executor, GroupMixin group) throws Exception {
        GroupRole role = group.role(plan.nodes);
        StepReport report = executor.run(graphs.graph(oneRankOrGroup(group, LaunchGraphFactory.Hooks.NONE))
                .upTo("generate"), results);
        if (report.failure() != null) {
            throw report.failure();
        }
        SelectedPlan selected = results.get(LaunchKeys.PLAN).selected();
        NodeSpanning.Runtime runtime = NodeSpanning.runtime(graphs.catalog(selected.variant().backend()));
        EngineInstallation installation = new EngineInstallation(context.env(), InstalledEngineFlags.processRunner(context.env()));
        GroupRank rank = new GroupRank(role, runtime, settings, installation, log, wakeup, stop,
                new HealthCheck(Duration.ofSeconds(2), setup.secrets().apiKey()), new GroupStateFile(paths.state(), settings.base().toString()));
        try (SignalTrap trap = new SignalTrap(stop)) {
            return rank.run(selected, results.get(LaunchKeys.COMMAND));
        } catch (ExitException e) {
            // stopped by a signal while waiting: its exit code, without an error line (as a one-node run)
            if (stop.requested() && e.exitCode() == stop.signal().orElseThrow().exitCode()) {
                return e.exitCode();
            }
            throw e;
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
}
