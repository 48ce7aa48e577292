package aimengine.cli.command;

import aimengine.cli.base.ExitCodes;
import aimengine.cli.render.FileNames;
import aimengine.cli.render.RecipeTable;
import aimengine.data.DataLoader;
import aimengine.hardware.HardwareCatalog;
import aimengine.io.InputException;
import aimengine.recipe.Recipe;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `recipes list`: every recipe that loads, optionally only those of one model or one hardware product. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the recipes: id, model, hardware, precision, engines with their GPU counts, type, metric, source.")
public final class RecipesListCommand extends BaseCommand {
    @Mixin
    DataMixin data;

    @Mixin
    OutputMixin output;

    @Option(names = "--model", paramLabel = "ID",
            description = "Only recipes whose model or checkpoint contains ID (case-insensitive).")
    String model;

    @Option(names = "--hardware", paramLabel = "KEY", description = "Only recipes for this hardware product (e.g. mi300x).")
    String hardware;

    @Override
    protected int execute() {
        DataLoader loader = data.loader(context());
        HardwareCatalog catalog = loader.hardware();
        if (hardware != null && catalog.byKey(hardware).isEmpty()) {
            throw new InputException("--hardware: unknown hardware '" + hardware + "'; known: " + String.join(", ", catalog.keys()));
        }
        List<Recipe> recipes = loader.recipes(catalog).all().stream()
                .filter(r -> hardware == null || hardware.equalsIgnoreCase(r.hardware()))
                .filter(r -> model == null || matches(r, model.toLowerCase(Locale.ROOT)))
                .toList();
        RecipeTable table = new RecipeTable(new FileNames(context().workingDirectory()));
        out().print(output.json() ? table.json(recipes) : table.text(recipes));
        out().flush();
        return ExitCodes.OK;
    }

    private static boolean matches(Recipe r, String model) {
        return !r.isGeneral() && (r.modelId().toLowerCase(Locale.ROOT).contains(model)
                || r.checkpoint().toLowerCase(Locale.ROOT).contains(model));
    }
}
