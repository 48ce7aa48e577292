package aimengine.recipe;

import aimengine.hardware.HardwareCatalog;
import aimengine.io.DataFolders;
import aimengine.io.InputException;
import aimengine.io.InputProblem;
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
        Loaded loaded = read(folders, hardware);
        if (!loaded.problems().isEmpty()) {
            throw new InputException(loaded.problems());
        }
        return of(loaded.recipes());
    }

    /**
     * Reads every recipe file below the given folders (or the given files) and keeps going past bad ones, so that a
     * linter can report the problems of all files and still check the recipes that loaded.
     */
    public static Loaded read(List<Path> paths, HardwareCatalog hardware) {
        RecipeReader reader = new RecipeReader(hardware);
        Map<String, Located> byId = new LinkedHashMap<>();
        List<InputProblem> problems = new ArrayList<>();
        int files = 0;
        for (Path path : paths) {
            if (!Files.exists(path)) {
                problems.add(new InputProblem(path.toString(), 0, "no such recipe file or folder"));
                continue;
            }
            for (Path file : DataFolders.find(path, ".yaml", ".yml")) {
                files++;
                Located located = reader.readLocated(path, file, problems);
                if (located == null) {
                    continue;
                }
                Recipe recipe = located.recipe();
                Located previous = byId.putIfAbsent(recipe.id(), located);
                if (previous != null) {
                    problems.add(new InputProblem(recipe.source(), located.idLine(), "duplicate recipe id '" + recipe.id()
                            + "', already defined in " + previous.recipe().source() + ":" + previous.idLine()
                            + "; recipe ids must be unique"));
                }
            }
        }
        return new Loaded(byId.values().stream().map(Located::recipe).toList(), problems, files);
    }

    /**
     * What {@link #read} found.
     *
     * @param recipes  the recipes that loaded, first of each id
     * @param problems every problem of every file
     * @param files    how many files were read
     */
    public record Loaded(List<Recipe> recipes, List<InputProblem> problems, int files) {
        public Loaded {
            recipes = List.copyOf(recipes);
            problems = List.copyOf(problems);
        }
    }

    /** A recipe and the line that names its id, for messages about the id. */
    record Located(Recipe recipe, int idLine) {
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
            Located located = readLocated(folder, file, problems);
            return located == null ? null : located.recipe();
        }

        Located readLocated(Path folder, Path file, List<InputProblem> problems) {
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
                Recipe recipe = seed.read(name, root, problems);
                return recipe == null ? null : new Located(recipe, root.keyLine("recipe_id"));
            }
            if (root.entries().containsKey("metadata")) {
                String rel = folder.equals(file) ? file.getFileName().toString() : folder.relativize(file).toString();
                String id = rel.replaceAll("\\.ya?ml$", "");
                Recipe recipe = aim.read(name, id, root, problems);
                return recipe == null ? null : new Located(recipe, root.line());
            }
            problems.add(new InputProblem(name, root.line(),
                    "not a recipe: expected 'recipe_id:' (aim-engine format) or 'metadata:' (AIM profile format)"));
            return null;
        }
    }
}
