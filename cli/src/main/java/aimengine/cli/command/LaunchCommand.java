package aimengine.cli.command;

import aimengine.io.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** `aim-engine launch MODEL [GPUS]`: the short form of run, as the first aim-engine had it. */
@Command(name = "launch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Short form of 'aim-engine run MODEL --gpus GPUS': plan, launch, wait until healthy, supervise.",
                "Exit codes as for run."})
public final class LaunchCommand extends BaseCommand {
    @Mixin
    PlanMixin plan;

    @Parameters(index = "1", arity = "0..1", paramLabel = "GPUS", description = "GPU count to use (as --gpus).")
    Integer gpus;

    @Mixin
    RunMixin run;

    @Mixin
    OutputMixin output;

    @Override
    protected int execute() throws Exception {
        if (gpus != null) {
            if (plan.gpus != null && !plan.gpus.equals(gpus)) {
                throw new InputException("GPUS", 0, gpus + " and --gpus " + plan.gpus + " disagree; give the count once");
            }
            plan.gpus = gpus;
        }
        return new RunWorkflow(context(), plan, run, output, out(), err(), debug()).execute();
    }
}
