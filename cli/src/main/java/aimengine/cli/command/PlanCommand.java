package aimengine.cli.command;

import aimengine.cache.CheckpointStatus;
import aimengine.cli.base.ExitCodes;
import aimengine.cli.render.GraphRenderer;
import aimengine.cli.render.PlanJson;
import aimengine.cli.render.PlanText;
import aimengine.plan.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `aim-engine plan MODEL`: choose a recipe, GPU count, precision and engine, and say why. */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Plan a deployment: choose recipe, GPUs, precision and engine, and explain the choice.",
                "Exit codes: 0 plan found, 2 bad input, 3 no workable plan (the explanation is still printed)."})
public final class PlanCommand extends BaseCommand {
    @Mixin
    PlanMixin plan;

    @Mixin
    OutputMixin output;

    @Option(names = "--explain", description = "List every candidate with its status and reason, then the decision trail.")
    boolean explain;

    @Option(names = "--graph", paramLabel = "FORMAT", description = "Print the launch graph `run` follows (dot or mermaid) instead of planning.")
    GraphRenderer.Format graph;

    @Override
    protected int execute() {
        if (graph != null) {
            out().print(GraphRenderer.render(LaunchGraphFactory.preview(context(), plan), graph));
            out().flush();
            return ExitCodes.OK;
        }
        PlanSetup setup = new PlanSetup(context(), plan, false);
        Plan result = setup.withSecrets(setup.plan(setup.defaultPort(), "0.0.0.0"));
        CheckpointStatus cache = result.feasible() ? setup.cacheStatus(result) : null;
        out().print(output.json() ? PlanJson.render(result, cache) : PlanText.render(result, cache, explain));
        out().flush();
        return result.feasible() ? ExitCodes.OK : ExitCodes.NO_PLAN;
    }
}
