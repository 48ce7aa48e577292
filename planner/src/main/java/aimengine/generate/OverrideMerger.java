package aimengine.generate;

import aimengine.engine.EngineFlags;
import aimengine.engine.EngineProfile;
import aimengine.engine.EngineSetting;
import aimengine.engine.FlagCatalog;
import aimengine.engine.FlagIssue;
import aimengine.engine.FlagSpec;
import aimengine.engine.FlagValidator;
import aimengine.io.InputException;
import aimengine.io.InputProblem;
import aimengine.recipe.EngineArg;
import aimengine.recipe.Recipe;
import aimengine.recipe.RecipeVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Merges the user's {@link EngineOverrides} into a recipe's variant as recipe &lt; overrides &lt; system: an override
 * replaces the recipe's flag of the same name (any alias or spelling), and the flags aim-engine owns (model, tensor
 * parallelism, port, host) cannot be overridden. Every flag is checked against the catalog of the engine version
 * that will run; a flag the version does not know is refused even where lint only warns (a flag removed in a later
 * release): the engine would stop on it with "unrecognized arguments".
 */
public final class OverrideMerger {
    private final FlagValidator validator;
    private final FlagCatalog catalog;

    /** @param catalog the flags of the engine version that will run */
    public OverrideMerger(FlagValidator validator, FlagCatalog catalog) {
        this.validator = validator;
        this.catalog = catalog;
    }

    /**
     * A variant with the overrides merged in, and the warnings its flags drew (deprecated flags).
     *
     * @param variant  the recipe's variant with the overrides applied
     * @param warnings one line each, naming where the flag came from
     */
    public record Merged(RecipeVariant variant, List<String> warnings) {
        public Merged {
            warnings = List.copyOf(warnings);
        }
    }

    /** @throws InputException naming each refused flag: a system flag, a flag the engine does not know, a bad value */
    public Merged merge(Recipe recipe, RecipeVariant variant, EngineOverrides overrides) {
        EngineProfile engine = variant.backend().profile();
        List<InputProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<EngineArg> merged = new ArrayList<>();
        for (EngineArg a : variant.args()) {
            boolean overridden = overrides.all().stream().anyMatch(o -> sameFlag(o.flag(), a.flag()));
            if (!overridden && systemSetting(engine, a.flag()).isEmpty()) {
                check(a.flag(), a.value(), recipe.source(), a.line(), problems, warnings);
            }
            merged.add(a);
        }
        for (EngineOverrides.Override o : overrides.all()) {
            Optional<EngineSetting> system = systemSetting(engine, o.flag());
            if (system.isPresent()) {
                problems.add(new InputProblem(o.origin(), 0, o.flag() + " is set by aim-engine and cannot be overridden; "
                        + system.get().ownedHint()));
                continue;
            }
            check(o.flag(), o.value(), o.origin(), 0, problems, warnings);
            EngineArg arg = new EngineArg(o.flag(), o.value(), false, 0);
            int at = indexOf(merged, o.flag());
            if (at >= 0) {
                merged.set(at, arg);
            } else {
                merged.add(arg);
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new Merged(new RecipeVariant(variant.backend(), variant.gpuCount(), variant.enabled(), merged,
                variant.env(), variant.line()), warnings);
    }

    private void check(String flag, String value, String origin, int line, List<InputProblem> problems,
                       List<String> warnings) {
        if (value != null && value.indexOf('\0') >= 0) {
            problems.add(new InputProblem(origin, line, flag + ": the value contains a NUL character"));
            return;
        }
        boolean unknown = catalog.find(flag).isEmpty();
        for (FlagIssue issue : validator.check(catalog, flag, value)) {
            InputProblem p = new InputProblem(origin, line, issue.message());
            if (issue.isError() || unknown) {
                problems.add(p);
            } else {
                warnings.add(p.toString());
            }
        }
    }

    private int indexOf(List<EngineArg> args, String flag) {
        for (int i = 0; i < args.size(); i++) {
            if (sameFlag(args.get(i).flag(), flag)) {
                return i;
            }
        }
        return -1;
    }

    private boolean sameFlag(String a, String b) {
        return identity(a).equals(identity(b));
    }

    /** One name for all spellings of a flag: the catalog's canonical name (so --no-x replaces --x) or the normal form. */
    private String identity(String flag) {
        return catalog.find(flag).map(FlagSpec::flag).orElse(EngineFlags.normalize(flag));
    }

    /** The aim-engine-owned setting a flag sets, as written or under the catalog's canonical name. */
    private Optional<EngineSetting> systemSetting(EngineProfile engine, String flag) {
        return engine.setting(flag).or(() -> engine.setting(identity(flag)))
                .filter(EngineSetting::ownedByAimEngine);
    }
}
