package aimengine.recipe;

import aimengine.data.DataFolders;
import aimengine.hardware.HardwareCatalog;
import aimengine.yaml.InputException;
import aimengine.yaml.InputProblem;
import aimengine.yaml.YamlDocument;
import aimengine.yaml.YamlNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every recipe from the given folders, found recursively. Each file is read in the seed format or AMD's AIM profile
 * format (recognised by its keys). All problems of all files are reported together; duplicate ids are an error.
 */
public final class RecipeCatalog {
    private final Map<String, Recipe> recipes;

    private RecipeCatalog(Map<String, Recipe> recipes) {
        this.recipes = recipes;
    }

    public static RecipeCatalog of(Collection<Recipe> recipes) {
        Map<String, Recipe> map = new LinkedHashMap<>();
        recipes.forEach(r -> map.put(r.id(), r));
        return new RecipeCatalog(map);
    }

    /** Loads the folders in order; throws {@link InputException} with every problem found. */
    public static RecipeCatalog load(List<Path> folders, HardwareCatalog hardware) {
        RecipeReader reader = new RecipeReader(hardware);
        Map<String, Recipe> map = new LinkedHashMap<>();
        List<InputProblem> problems = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.exists(folder)) {
                problems.add(new InputProblem(folder.toString(), 0, "recipes folder does not exist"));
                continue;
            }
            for (Path file : DataFolders.find(folder, ".yaml", ".yml")) {
                Recipe recipe = reader.read(folder, file, problems);
                if (recipe == null) {
                    continue;
                }
                Recipe previous = map.putIfAbsent(recipe.id(), recipe);
                if (previous != null) {
                    problems.add(new InputProblem(recipe.source(), 0, "duplicate recipe id '" + recipe.id()
                            + "', already defined in " + previous.source() + "; recipe ids must be unique"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new RecipeCatalog(map);
    }

    public Collection<Recipe> all() {
        return recipes.values();
    }

    public Optional<Recipe> byId(String id) {
        return Optional.ofNullable(recipes.get(id));
    }

    public int size() {
        return recipes.size();
    }

    /** Reads one file in whichever format it is written. */
    public static final class RecipeReader {
        private final SeedRecipeReader seed;
        private final AimProfileReader aim;

        public RecipeReader(HardwareCatalog hardware) {
            this.seed = new SeedRecipeReader(hardware);
            this.aim = new AimProfileReader(hardware);
        }

        public Recipe read(Path folder, Path file, List<InputProblem> problems) {
            String name = DataFolders.displayName(file);
            YamlNode root;
            try {
                root = YamlDocument.read(file);
            } catch (InputException e) {
                problems.addAll(e.problems().stream()
                        .map(p -> new InputProblem(name, p.line(), p.message())).toList());
                return null;
            }
            if (!root.isMap()) {
                problems.add(new InputProblem(name, root.line(), "a recipe must be a YAML map, found " + root.describe()));
                return null;
            }
            if (root.entries().containsKey("recipe_id")) {
                return seed.read(name, root, problems);
            }
            if (root.entries().containsKey("metadata")) {
                String rel = folder.equals(file) ? file.getFileName().toString() : folder.relativize(file).toString();
                String id = rel.replaceAll("\\.ya?ml$", "");
                return aim.read(name, id, root, problems);
            }
            problems.add(new InputProblem(name, root.line(),
                    "not a recipe: expected 'recipe_id:' (aim-engine format) or 'metadata:' (AIM profile format)"));
            return null;
        }
    }
}
