package aimengine.generate;

import aimengine.engine.Backend;
import aimengine.engine.EngineFlags;
import aimengine.engine.FlagCatalog;
import aimengine.engine.FlagIssue;
import aimengine.engine.FlagSpec;
import aimengine.engine.FlagValidator;
import aimengine.io.InputException;
import aimengine.io.InputProblem;
import aimengine.recipe.EngineArg;
import aimengine.recipe.Recipe;
import aimengine.recipe.RecipeVariant;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Engine flags the user sets on top of a recipe: {@code AIM_ENGINE_ARGS} (a JSON object) and then
 * {@code --engine-arg KEY=VALUE} (repeatable; the command line wins over the environment). They merge as
 * recipe &lt; overrides &lt; system: an override replaces the recipe's flag of the same name (any alias or spelling),
 * and the flags aim-engine owns (model, tensor parallelism, port, host) cannot be overridden.
 */
public final class EngineOverrides {
    /** Where overrides from the environment come from. */
    public static final String ENV = "AIM_ENGINE_ARGS";

    /**
     * One override.
     *
     * @param flag   with its leading dashes
     * @param value  null for a bare switch
     * @param origin what the user wrote, for messages
     */
    public record Override(String flag, String value, String origin) {
    }

    private final List<Override> overrides;

    private EngineOverrides(List<Override> overrides) {
        this.overrides = List.copyOf(overrides);
    }

    /**
     * @param engineArgs    the --engine-arg values: KEY=VALUE, or KEY or KEY= for a bare switch; dashes optional
     * @param aimEngineArgs the AIM_ENGINE_ARGS value, null or blank when unset
     * @throws InputException naming each override that cannot be read
     */
    public static EngineOverrides parse(List<String> engineArgs, String aimEngineArgs) {
        List<InputProblem> problems = new ArrayList<>();
        List<Override> list = new ArrayList<>();
        if (aimEngineArgs != null && !aimEngineArgs.isBlank()) {
            fromJson(aimEngineArgs, list, problems);
        }
        for (String raw : engineArgs) {
            int eq = raw.indexOf('=');
            String key = (eq < 0 ? raw : raw.substring(0, eq)).trim();
            if (key.replace("-", "").isEmpty()) {
                problems.add(new InputProblem("--engine-arg", 0, "'" + raw + "' has no flag name; write KEY=VALUE, e.g. max-model-len=8192"));
                continue;
            }
            String value = eq < 0 || eq == raw.length() - 1 ? null : raw.substring(eq + 1);
            list.add(new Override(flagName(key), value, "--engine-arg " + raw));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new EngineOverrides(list);
    }

    private static void fromJson(String text, List<Override> list, List<InputProblem> problems) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            problems.add(new InputProblem(ENV, 0, "not valid JSON (" + e.getOriginalMessage()
                    + "); write an object such as {\"max-model-len\": 8192, \"enforce-eager\": true}"));
            return;
        }
        if (root == null || !root.isObject()) {
            problems.add(new InputProblem(ENV, 0, "must be a JSON object of flag: value, such as {\"max-model-len\": 8192}"));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String value = v.isNull() ? null : v.isContainerNode() ? v.toString() : v.asText();
            list.add(new Override(flagName(e.getKey()), value, ENV + " " + e.getKey()));
        }
    }

    private static String flagName(String key) {
        return key.startsWith("-") ? key : "--" + key;
    }

    public List<Override> all() {
        return overrides;
    }

    /** Whether an override sets one of these flags (any spelling), e.g. the context length a plan would impose. */
    public boolean sets(String... names) {
        return overrides.stream().anyMatch(o -> {
            for (String n : names) {
                if (EngineFlags.sameFlag(o.flag(), n)) {
                    return true;
                }
            }
            return false;
        });
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

    /**
     * Merges the overrides into the variant and checks every flag against the catalog of the engine version that
     * will run. A flag the version does not know is refused even where lint only warns (a flag removed in a later
     * release): the engine would stop on it with "unrecognized arguments".
     *
     * @throws InputException naming each refused flag: a system flag, a flag the engine does not know, a bad value
     */
    public Merged applyTo(Recipe recipe, RecipeVariant variant, FlagValidator validator, FlagCatalog catalog) {
        Backend b = variant.backend();
        List<InputProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<EngineArg> merged = new ArrayList<>();
        for (EngineArg a : variant.args()) {
            boolean overridden = overrides.stream().anyMatch(o -> sameFlag(o.flag(), a.flag(), catalog));
            if (!overridden && !isSystem(b, a.flag(), catalog)) {
                check(validator, catalog, a.flag(), a.value(), recipe.source(), a.line(), problems, warnings);
            }
            merged.add(a);
        }
        for (Override o : overrides) {
            if (isSystem(b, o.flag(), catalog)) {
                problems.add(new InputProblem(o.origin(), 0, o.flag() + " is set by aim-engine and cannot be overridden; "
                        + systemHint(b, identity(o.flag(), catalog))));
                continue;
            }
            check(validator, catalog, o.flag(), o.value(), o.origin(), 0, problems, warnings);
            EngineArg arg = new EngineArg(o.flag(), o.value(), false, 0);
            int at = indexOf(merged, o.flag(), catalog);
            if (at >= 0) {
                merged.set(at, arg);
            } else {
                merged.add(arg);
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new Merged(new RecipeVariant(b, variant.gpuCount(), variant.enabled(), merged, variant.env(),
                variant.line()), warnings);
    }

    private static void check(FlagValidator validator, FlagCatalog catalog, String flag, String value, String origin,
                              int line, List<InputProblem> problems, List<String> warnings) {
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

    private static int indexOf(List<EngineArg> args, String flag, FlagCatalog catalog) {
        for (int i = 0; i < args.size(); i++) {
            if (sameFlag(args.get(i).flag(), flag, catalog)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean sameFlag(String a, String b, FlagCatalog catalog) {
        return identity(a, catalog).equals(identity(b, catalog));
    }

    /** One name for all spellings of a flag: the catalog's canonical name (so --no-x replaces --x) or the normal form. */
    private static String identity(String flag, FlagCatalog catalog) {
        return catalog.find(flag).map(FlagSpec::flag).orElse(EngineFlags.normalize(flag));
    }

    private static boolean isSystem(Backend b, String flag, FlagCatalog catalog) {
        return EngineCommandBuilder.isSystemFlag(b, flag) || EngineCommandBuilder.isSystemFlag(b, identity(flag, catalog));
    }

    private static String systemHint(Backend b, String flag) {
        if (EngineFlags.sameFlag(flag, EngineFlags.port(b)[0])) {
            return "use aim-engine's --port";
        }
        if (EngineFlags.sameFlag(flag, EngineFlags.host(b)[0])) {
            return "use aim-engine's --bind";
        }
        for (String tp : EngineFlags.tensorParallel(b)) {
            if (EngineFlags.sameFlag(flag, tp)) {
                return "use aim-engine's --gpus (the tensor-parallel size is the GPU count)";
            }
        }
        return "give the model as aim-engine's MODEL argument";
    }
}
