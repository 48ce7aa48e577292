package aimengine.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.data.DataLoader;
import aimengine.data.DataOptions;
import aimengine.engine.Backend;
import aimengine.engine.FlagCatalog;
import aimengine.engine.FlagCatalogs;
import aimengine.engine.FlagSpec;
import aimengine.generate.EngineCommandBuilder;
import aimengine.hardware.Hardware;
import aimengine.hardware.HardwareCatalog;
import aimengine.hardware.Precision;
import aimengine.io.DataFolders;
import aimengine.model.ModelCatalog;
import aimengine.probe.GpuGroup;
import aimengine.probe.HostProfile;
import aimengine.probe.HostView;
import aimengine.yaml.YamlDocument;
import aimengine.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped data: recipes/, models/ and examples/hosts/ at the project root load and agree with each other. */
class ShippedRecipesTest {
    private static final DataLoader LOADER = new DataLoader(DataOptions.builtins());
    private static final HardwareCatalog HARDWARE = LOADER.hardware();
    private static final RecipeCatalog RECIPES = LOADER.recipes(HARDWARE);
    private static final ModelCatalog MODELS = LOADER.models();
    /** Tests run in the module folder (planner/); the example host profiles are not packaged. */
    private static final Path HOSTS = Path.of("../examples/hosts");

    @Test
    void shipsAtLeastFortyVariants() {
        long variants = RECIPES.all().stream().mapToLong(r -> r.variants().size()).sum();

        assertTrue(variants >= 40, "only " + variants + " recipe variants ship");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Qwen/Qwen3-32B",
        "meta-llama/Llama-3.1-8B-Instruct",
        "meta-llama/Llama-3.3-70B-Instruct",
        "meta-llama/Llama-3.1-405B-Instruct",
        "deepseek-ai/DeepSeek-R1-0528",
        "mistralai/Mixtral-8x7B-Instruct-v0.1",
        "openai/gpt-oss-120b",
    })
    void servesTheModelOnMi300xAndMi325xWithBothEngines(String model) {
        for (String product : List.of("mi300x", "mi325x")) {
            for (Backend backend : Backend.values()) {
                boolean found = RECIPES.all().stream()
                        .filter(r -> model.equalsIgnoreCase(r.modelId()) && r.hardware().equals(product))
                        .flatMap(r -> r.variants().stream())
                        .anyMatch(v -> v.backend() == backend && v.enabled());
                assertTrue(found, "no enabled " + backend + " recipe for " + model + " on " + product);
            }
        }
    }

    /**
     * Issue 10: every product of the catalog has a general vLLM recipe at 1, 2, 4 and 8 GPUs (SGLang too, except on
     * gfx90a, which SGLang's ROCm builds do not target); MI100 (gfx908) has none, as vLLM no longer builds for it.
     */
    @Test
    void generalRecipesCoverEveryArchitectureOfTheCatalog() {
        List<String> missing = new ArrayList<>();
        for (Hardware h : HARDWARE.all()) {
            for (Backend b : Backend.values()) {
                boolean expected = !h.llvmTarget().equals("gfx908") && !(b == Backend.SGLANG && h.llvmTarget().equals("gfx90a"));
                List<Integer> counts = RECIPES.all().stream()
                        .filter(r -> r.isGeneral() && r.servesCheckpointPrecision() && r.hardware().equals(h.llvmTarget()))
                        .flatMap(r -> r.variants().stream()).filter(v -> v.backend() == b && v.enabled())
                        .map(RecipeVariant::gpuCount).sorted().toList();
                if (expected != counts.equals(List.of(1, 2, 4, 8))) {
                    missing.add(h.key() + " " + b.key() + ": " + counts);
                }
            }
        }

        assertEquals(List.of(), missing);
    }

    @Test
    void theFp8CheckpointOfLlama405bServesTheMetaModel() {
        List<Recipe> fp8 = RECIPES.all().stream()
                .filter(r -> "amd/Llama-3.1-405B-Instruct-FP8-KV".equals(r.checkpoint())).toList();

        assertFalse(fp8.isEmpty(), "no recipe loads amd/Llama-3.1-405B-Instruct-FP8-KV");
        for (Recipe r : fp8) {
            assertEquals("meta-llama/Llama-3.1-405B-Instruct", r.modelId(), r.id());
            assertEquals(Precision.FP8, r.precision(), r.id());
        }
    }

    @Test
    void noFp8RecipeOnGfx90a() {
        List<String> offenders = RECIPES.all().stream()
                .filter(r -> !r.isGeneral() && hardware(r).llvmTarget().equals("gfx90a") && r.precision() == Precision.FP8)
                .map(Recipe::id).toList();

        assertEquals(List.of(), offenders);
    }

    @Test
    void everyRecipeIsInAPrecisionItsHardwareRuns() {
        List<String> offenders = RECIPES.all().stream()
                .filter(r -> !r.isGeneral() && !hardware(r).supports(r.precision()))
                .map(r -> r.id() + " (" + r.precision() + " on " + r.hardware() + ")").toList();

        assertEquals(List.of(), offenders);
    }

    @Test
    void everyRecipeModelAndCheckpointHasCatalogFacts() {
        List<String> missing = new ArrayList<>();
        for (Recipe r : RECIPES.all().stream().filter(r -> !r.isGeneral()).toList()) {
            for (String id : List.of(r.modelId(), r.checkpoint())) {
                if (MODELS.find(id).isEmpty()) {
                    missing.add(r.id() + ": " + id);
                }
            }
        }

        assertEquals(List.of(), missing);
    }

    /** Switches are bare (null or true), value flags have a value from the choices, nothing deprecated or owned. */
    @Test
    void everyFlagIsValidForTheNewestEngine() {
        FlagCatalogs catalogs = FlagCatalogs.builtin();
        List<String> problems = new ArrayList<>();
        for (Recipe r : RECIPES.all()) {
            for (RecipeVariant v : r.variants()) {
                FlagCatalog catalog = catalogs.newest(v.backend());
                for (EngineArg a : v.args()) {
                    String where = r.id() + " " + v.backend() + " " + v.gpuCount() + "_gpu " + a.flag() + ": ";
                    Optional<FlagSpec> spec = catalog.find(a.flag());
                    if (spec.isEmpty()) {
                        problems.add(where + "not a flag of " + catalog.label());
                    } else if (spec.get().deprecated()) {
                        problems.add(where + "deprecated in " + catalog.label());
                    } else if (spec.get().isSwitch() && !(a.isBare() || a.value().equals("true"))) {
                        problems.add(where + "a switch written with value '" + a.value() + "'");
                    } else if (spec.get().takesValue() && a.isBare()) {
                        problems.add(where + "takes a value");
                    } else if (spec.get().takesValue() && !spec.get().choices().isEmpty()
                            && !spec.get().choices().contains(a.value())) {
                        problems.add(where + "'" + a.value() + "' is not one of " + spec.get().choices());
                    }
                    if (v.backend().profile().isSystemFlag(a.flag())) {
                        problems.add(where + "set by aim-engine itself");
                    }
                }
            }
        }

        assertEquals(List.of(), problems);
    }

    @Test
    void everyRecipeFileHasADescription() {
        List<String> without = DataFolders.find(DataFolders.builtin("recipes"), ".yaml", ".yml").stream()
                .filter(f -> !YamlDocument.read(f).entries().containsKey("description"))
                .map(Path::toString).toList();

        assertEquals(List.of(), without);
    }

    @Test
    void everyExampleHostProfileLoadsWithANameAndADescription() {
        List<Path> files = DataFolders.find(HOSTS, ".yaml", ".yml");
        assertTrue(files.size() >= 11, "expected the example host profiles under " + HOSTS.toAbsolutePath());

        HostProfile profiles = new HostProfile(HARDWARE);
        for (Path file : files) {
            HostView view = profiles.read(file);
            YamlNode root = YamlDocument.read(file);
            assertFalse(view.groups().isEmpty(), file.toString());
            assertTrue(root.entries().containsKey("name") && root.entries().containsKey("description"),
                    file + " lacks a name: or description:");
        }
    }

    @Test
    void theMi250xProfileCountsGcdsAndTheContainerProfileSeesFour() {
        HostProfile profiles = new HostProfile(HARDWARE);

        GpuGroup mi250x = profiles.read(HOSTS.resolve("mi250x-8.yaml")).groups().get(0);
        GpuGroup limited = profiles.read(HOSTS.resolve("mi300x-8-container-4.yaml")).groups().get(0);

        assertEquals(8, mi250x.host());
        assertEquals("gfx90a", mi250x.llvmTarget());
        assertEquals(8, limited.host());
        assertEquals(4, limited.container());
        assertEquals(4, limited.engine());
    }

    /** The product a model-specific recipe targets. */
    private static Hardware hardware(Recipe r) {
        return HARDWARE.byKey(r.hardware()).orElseThrow();
    }
}
