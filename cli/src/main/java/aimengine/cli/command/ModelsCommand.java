package aimengine.cli.command;

import aimengine.cli.base.ExitCodes;
import aimengine.cli.render.ModelTable;
import aimengine.data.DataLoader;
import aimengine.model.ModelFacts;
import aimengine.recipe.Recipe;
import java.util.Collection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `models`: the models of the shipped catalog and the hardware/precision pairs that have a recipe for each. */
@Command(name = "models", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the models aim-engine knows without downloading anything, and which recipes exist for each.")
public final class ModelsCommand extends BaseCommand {
    @Mixin
    DataMixin data;

    @Mixin
    OutputMixin output;

    @Override
    protected int execute() {
        DataLoader loader = data.loader(context());
        Collection<ModelFacts> models = loader.models().all();
        Collection<Recipe> recipes = loader.recipes(loader.hardware()).all();
        ModelTable table = new ModelTable();
        out().print(output.json() ? table.json(models, recipes) : table.text(models, recipes));
        out().flush();
        return ExitCodes.OK;
    }
}
