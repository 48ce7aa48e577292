package aimengine.cli.command;

import aimengine.cli.base.ExitCodes;
import aimengine.cli.render.FileNames;
import aimengine.cli.render.RecipeDetail;
import aimengine.data.DataLoader;
import aimengine.io.InputException;
import aimengine.recipe.Recipe;
import aimengine.recipe.RecipeCatalog;
import aimengine.yaml.Suggest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** `recipes show ID`: everything about one recipe. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Show one recipe: source file, model, hardware, precision, environment and the flags of each variant.")
public final class RecipesShowCommand extends BaseCommand {
    @Mixin
    DataMixin data;

    @Mixin
    OutputMixin output;

    @Parameters(paramLabel = "ID", description = "The recipe id (see 'recipes list').")
    String id;

    @Override
    protected int execute() {
        DataLoader loader = data.loader(context());
        RecipeCatalog catalog = loader.recipes(loader.hardware());
        Recipe recipe = catalog.byId(id).orElseThrow(() -> unknown(catalog));
        RecipeDetail detail = new RecipeDetail(new FileNames(context().workingDirectory()));
        out().print(output.json() ? detail.json(recipe) : detail.text(recipe));
        out().flush();
        return ExitCodes.OK;
    }

    private InputException unknown(RecipeCatalog catalog) {
        List<String> ids = catalog.all().stream().map(Recipe::id).toList();
        return new InputException("unknown recipe '" + id + "'" + Suggest.closest(id, ids)
                .map(s -> "; did you mean '" + s + "'?").orElse("; 'aim-engine recipes list' shows the ids"));
    }
}
