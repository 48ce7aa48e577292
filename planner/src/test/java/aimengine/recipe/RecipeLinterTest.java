package aimengine.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import aimengine.engine.Backend;
import aimengine.engine.FlagCatalogs;
import aimengine.engine.Severity;
import aimengine.hardware.Precision;
import aimengine.io.InputProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecipeLinterTest {
    private static final FlagCatalogs CATALOGS = FlagCatalogs.builtin();

    private static Recipe recipe(RecipeVariant... variants) {
        return new Recipe("r", "m", "m", "mi300x", Precision.BF16, RecipeType.OPTIMIZED, null, false, Map.of(),
                List.of(variants), "seed", "r.yaml");
    }

    private static RecipeVariant variant(Backend backend, boolean enabled, EngineArg... args) {
        return new RecipeVariant(backend, 1, enabled, List.of(args), Map.of(), 1);
    }

    @Test
    void checksEachVariantAgainstItsOwnEngineAndDisabledOnesToo() {
        Recipe r = recipe(
                variant(Backend.VLLM, true, new EngineArg("--max-model-len", "8192", false, 3)),
                variant(Backend.SGLANG, false, new EngineArg("--max-model-len", "8192", false, 6)));
        List<LintFinding> findings = new RecipeLinter(CATALOGS).lint(r);
        assertEquals(1, findings.size());
        assertEquals(new LintFinding(Severity.ERROR, "r.yaml", 6, "r", "'--max-model-len' is vLLM's flag; SGLang does"
                + " not accept it (SGLang uses '--context-length')"), findings.get(0));
    }

    @Test
    void aSwitchAndItsNegationAreTheSameFlag() {
        Recipe r = recipe(variant(Backend.VLLM, true,
                new EngineArg("--enable-prefix-caching", null, false, 3),
                new EngineArg("--no-enable-prefix-caching", null, false, 4)));
        assertEquals(List.of(new LintFinding(Severity.ERROR, "r.yaml", 4, "r", "'--no-enable-prefix-caching' sets the"
                + " same flag as '--enable-prefix-caching' on line 3; give each flag once")), new RecipeLinter(CATALOGS).lint(r));
    }

    @Test
    void lintsAgainstTheEngineVersionAskedFor() {
        Recipe r = recipe(variant(Backend.VLLM, true, new EngineArg("--swap-space", "16", false, 3)));
        assertEquals(Severity.WARNING, new RecipeLinter(CATALOGS).lint(r).get(0).severity());
        RecipeLinter old = new RecipeLinter(CATALOGS, Map.of(Backend.VLLM, CATALOGS.version(Backend.VLLM, "0.16.0").orElseThrow()));
        assertEquals(List.of(), old.lint(r));
        assertEquals("v0.16.0", old.catalog(Backend.VLLM).version());
        assertEquals(CATALOGS.newest(Backend.SGLANG), old.catalog(Backend.SGLANG));
    }

    @Test
    void loadProblemsComeFirstInFileAndLineOrder() {
        Recipe r = recipe(variant(Backend.VLLM, true, new EngineArg("--frobnicate", null, false, 9)));
        RecipeCatalog.Loaded loaded = new RecipeCatalog.Loaded(List.of(r),
                List.of(new InputProblem("s.yaml", 2, "bad"), new InputProblem("r.yaml", 4, "worse")), 3);
        List<String> order = new RecipeLinter(CATALOGS).lint(loaded).stream().map(f -> f.file() + ":" + f.line()).toList();
        assertEquals(List.of("r.yaml:4", "r.yaml:9", "s.yaml:2"), order);
    }
}
