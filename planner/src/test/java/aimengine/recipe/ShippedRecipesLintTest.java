package aimengine.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import aimengine.data.DataLoader;
import aimengine.data.DataOptions;
import aimengine.engine.FlagCatalogs;
import aimengine.io.DataFolders;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The recipes shipped in recipes/ (whatever is there) load and lint clean: no error and not even a warning. */
class ShippedRecipesLintTest {

    @Test
    void shippedRecipesLintClean() {
        DataLoader loader = new DataLoader(DataOptions.builtins());
        RecipeCatalog.Loaded loaded = RecipeCatalog.read(List.of(DataFolders.builtin("recipes")), loader.hardware());
        List<LintFinding> findings = new RecipeLinter(FlagCatalogs.builtin()).lint(loaded);
        assertEquals(List.of(), findings, findings.stream()
                .map(f -> f.file() + ":" + f.line() + ": " + f.severity() + ": " + f.message())
                .collect(Collectors.joining("\n")));
        assertEquals(loaded.files(), loaded.recipes().size());
    }
}
