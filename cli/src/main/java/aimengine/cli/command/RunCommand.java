package aimengine.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `aim-engine run MODEL`: plan, launch the engine, wait until it serves, and supervise it. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Plan, launch the engine in its own process group, wait until it serves, and keep it serving.",
                "SIGTERM or SIGINT stop the engine (SIGTERM, --grace seconds, SIGKILL); 'aim-engine status', 'logs'"
                        + " and 'stop' act on the run from another shell.",
                "Exit codes: 0 dry run done, 1 the engine failed (did not become healthy, died past --restarts),"
                        + " 2 bad input, 3 no workable plan, 4 engine not installed, 5 port in use,"
                        + " 130 stopped by SIGINT, 143 stopped by SIGTERM."})
public final class RunCommand extends BaseCommand {
    @Mixin
    PlanMixin plan;

    @Mixin
    RunMixin run;

    @Mixin
    GroupMixin group;

    @Mixin
    OutputMixin output;

    @Override
    protected int execute() throws Exception {
        return new RunWorkflow(context(), plan, run, output, out(), err(), debug()).execute(group);
    }
}
