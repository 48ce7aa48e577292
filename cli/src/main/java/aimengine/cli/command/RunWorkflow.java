package aimengine.cli.command;

import aimengine.cli.base.AimPaths;
import aimengine.cli.base.CliContext;
import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import aimengine.cli.launch.Console;
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
import aimengine.plan.Plan;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The work of run and launch: the launch graph built from the options, run step by step under a {@link RunGuard}
 * (state file, model lock, clean-up) with signal handling, then the step table.
 */
final class RunWorkflow {
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

    RunWorkflow(CliContext context, PlanMixin plan, RunMixin run, OutputMixin output, PrintWriter out, PrintWriter err,
                boolean debug) {
        this.plan = plan;
        this.run = run;
        this.output = output;
        this.out = out;
        this.setup = new PlanSetup(context, plan);
        this.paths = AimPaths.of(context);
        this.log = new EventLog(new Console(err, System.console() != null), run.logFormat,
                RunSettings.logLevel(context, debug), Clock.systemUTC());
        this.settings = RunSettings.read(context, run, setup, paths);
        this.graphs = new LaunchGraphFactory(context, setup, run, settings, paths, log, wakeup, stop);
    }

    int execute() throws Exception {
        StepExecutor executor = new StepExecutor(System::nanoTime, new StepExecutor.Listener() {
            @Override
            public void finished(StepRecord r) {
                boolean ok = r.status() == StepRecord.Status.OK;
                log.event(ok || r.status() == StepRecord.Status.STOPPED ? EventLog.Level.INFO : EventLog.Level.WARN,
                        r.step(), r.step() + (ok ? "" : " " + r.status().key()) + ": " + r.detail(),
                        Map.of("status", r.status().key(), "durationMs", r.duration().toMillis()));
            }
        });
        if (run.dryRun) {
            LaunchGraph graph = graphs.graph(LaunchGraphFactory.Hooks.NONE);
            StepReport report = executor.run(graph.upTo("generate"), results);
            Plan p = results.find(LaunchKeys.PLAN).orElse(null);
            out.print(RunReport.dryRun(plan.model, graph, report, results.find(LaunchKeys.COMMAND).orElse(null),
                    p == null ? null : p.selected(), settings, output.json()));
            out.flush();
            return finish(report);
        }
        StepReport report;
        try (RunGuard guard = new RunGuard(new RunStateFile(paths.state()), plan.model, settings, results, stop, log,
                setup::cacheRoot, started).open();
             SignalTrap trap = new SignalTrap(stop)) {
            report = executor.run(graphs.graph(hooks(guard)), results);
        }
        out.print(RunReport.steps(plan.model, report, output.json()));
        out.flush();
        return finish(report);
    }

    private static LaunchGraphFactory.Hooks hooks(RunGuard guard) {
        return new LaunchGraphFactory.Hooks() {
            @Override
            public void changed(RunningEngine engine, RunningEngine.Phase phase) {
                guard.recordState(engine, phase);
            }

            @Override
            public void beforeSpawn() {
                guard.holdModelLock();
            }
        };
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
