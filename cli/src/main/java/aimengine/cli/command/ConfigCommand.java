package aimengine.cli.command;

import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import aimengine.cli.render.Shell;
import aimengine.plan.Plan;
import aimengine.plan.SelectedPlan;
import aimengine.cli.render.PrettyJson;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `aim-engine config MODEL`: the command and environment the plan would launch, and the recipe file behind them. */
@Command(name = "config", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Show the engine command, environment and recipe file the plan would launch.",
                "Exit codes: 0 ok, 2 bad input, 3 no workable plan."})
public final class ConfigCommand extends BaseCommand {
    @Mixin
    PlanMixin plan;

    @Mixin
    OutputMixin output;

    @Override
    protected int execute() throws Exception {
        PlanSetup setup = new PlanSetup(context(), plan, false);
        Plan result = setup.withSecrets(setup.plan(setup.defaultPort(), "0.0.0.0"));
        SelectedPlan s = result.selected();
        if (s == null) {
            throw new ExitException(ExitCodes.NO_PLAN, "no workable plan for " + plan.model
                    + "; run 'aim-engine plan " + plan.model + " --explain' to see why");
        }
        if (output.json()) {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("recipe", s.candidate().recipeId());
            n.put("recipeFile", s.recipe().source());
            n.putPOJO("command", s.command().shown().argv());
            n.putPOJO("env", s.command().shown().env());
            out().print(PrettyJson.of(n));
        } else {
            out().println("# recipe " + s.candidate().recipeId() + " from " + s.recipe().source());
            s.command().shown().env().forEach((k, v) -> out().println(k + "=" + Shell.quote(v)));
            out().println(Shell.join(s.command().shown().argv()));
        }
        out().flush();
        return ExitCodes.OK;
    }
}
