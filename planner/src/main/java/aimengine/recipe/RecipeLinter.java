package aimengine.recipe;

import aimengine.engine.Backend;
import aimengine.engine.EngineFlags;
import aimengine.engine.FlagCatalog;
import aimengine.engine.FlagCatalogs;
import aimengine.engine.FlagIssue;
import aimengine.engine.FlagSpec;
import aimengine.engine.FlagValidator;
import aimengine.engine.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every engine flag of every recipe variant against the engine's flag catalog (the newest shipped one, or the
 * version asked for), and that no variant gives the same flag twice.
 */
public final class RecipeLinter {
    private static final Comparator<LintFinding> ORDER = Comparator.comparing(LintFinding::file)
            .thenComparingInt(LintFinding::line).thenComparing(LintFinding::message);

    private final FlagValidator validator;
    private final Map<Backend, FlagCatalog> against;

    /** Lints against the newest shipped catalog of each engine. */
    public RecipeLinter(FlagCatalogs catalogs) {
        this(catalogs, Map.of());
    }

    /**
     * @param versions catalogs to lint against instead of the newest, per engine (from --engine-version)
     */
    public RecipeLinter(FlagCatalogs catalogs, Map<Backend, FlagCatalog> versions) {
        this.validator = new FlagValidator(catalogs);
        this.against = new EnumMap<>(Backend.class);
        for (Backend b : Backend.values()) {
            against.put(b, versions.getOrDefault(b, catalogs.newest(b)));
        }
    }

    /** The engine version each backend is linted against. */
    public FlagCatalog catalog(Backend backend) {
        return against.get(backend);
    }

    /** The load problems and the lint findings of what loaded, in file and line order. */
    public List<LintFinding> lint(RecipeCatalog.Loaded loaded) {
        List<LintFinding> findings = new ArrayList<>();
        loaded.problems().forEach(p -> findings.add(LintFinding.of(p)));
        findings.addAll(lint(loaded.recipes()));
        findings.sort(ORDER);
        return findings;
    }

    public List<LintFinding> lint(Collection<Recipe> recipes) {
        List<LintFinding> findings = new ArrayList<>();
        recipes.forEach(r -> findings.addAll(lint(r)));
        findings.sort(ORDER);
        return findings;
    }

    public List<LintFinding> lint(Recipe recipe) {
        List<LintFinding> findings = new ArrayList<>();
        for (RecipeVariant variant : recipe.variants()) {
            FlagCatalog catalog = against.get(variant.backend());
            Map<String, EngineArg> seen = new LinkedHashMap<>();
            for (EngineArg arg : variant.args()) {
                for (FlagIssue issue : validator.check(catalog, arg.flag(), arg.value())) {
                    findings.add(new LintFinding(issue.severity(), recipe.source(), arg.line(), recipe.id(), issue.message()));
                }
                String canonical = catalog.find(arg.flag()).map(FlagSpec::flag).orElse(EngineFlags.normalize(arg.flag()));
                EngineArg first = seen.putIfAbsent(canonical, arg);
                if (first != null) {
                    findings.add(new LintFinding(Severity.ERROR, recipe.source(), arg.line(), recipe.id(),
                            "'" + arg.flag() + "' sets the same flag as '" + first.flag() + "' on line " + first.line()
                                    + "; give each flag once"));
                }
            }
        }
        return findings;
    }
}
