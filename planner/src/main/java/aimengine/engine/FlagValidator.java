package aimengine.engine;

import aimengine.yaml.Suggest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one engine flag and its value against an engine's flag catalog, the way the engine's argument parser would
 * judge it, so that mistakes surface before a launch: unknown flags, values given to switches, missing values, refused
 * choices, numbers that are not numbers, the other engine's flags, and deprecated or removed flags.
 * Recipes and {@code --engine-arg} overrides share it.
 */
public final class FlagValidator {
    private static final Pattern NEW_FLAG = Pattern.compile("new_flag='([^']+)'");
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern ZERO = Pattern.compile("[+]?0+(\\.0+)?[kKmMgGtT]?");
    private static final Pattern HUMAN_INT = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?[kKmMgGtT]?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FlagCatalogs catalogs;

    public FlagValidator(FlagCatalogs catalogs) {
        this.catalogs = catalogs;
    }

    /** Checks against the newest shipped catalog of the engine. */
    public List<FlagIssue> check(Backend backend, String flag, String value) {
        return check(catalogs.newest(backend), flag, value);
    }

    /**
     * Checks one flag as written against one engine version.
     *
     * @param catalog the engine version to check against
     * @param flag    the flag with its dashes ("--max-model-len"; '_' and '-' alike)
     * @param value   the value as text; null for the bare flag. For a switch, "true" means the bare flag and "false"
     *                leaves it out; any other value is an error
     * @return the issues, errors first; empty when the engine would accept the flag silently
     */
    public List<FlagIssue> check(FlagCatalog catalog, String flag, String value) {
        Optional<FlagSpec> found = catalog.find(flag);
        if (found.isEmpty()) {
            return List.of(unknown(catalog, flag));
        }
        FlagSpec spec = found.get();
        List<FlagIssue> issues = new ArrayList<>();
        valueIssue(catalog, spec, flag, value).ifPresent(issues::add);
        deprecation(catalog, spec, flag).ifPresent(issues::add);
        return issues;
    }

    private FlagIssue unknown(FlagCatalog catalog, String flag) {
        Optional<FlagCatalog> last = catalogs.lastHaving(catalog, flag);
        if (last.isPresent()) {
            return FlagIssue.warning("'" + flag + "' was removed after " + last.get().label() + " (" + catalog.label()
                    + " refuses it); remove it or pin that engine version");
        }
        Optional<FlagCatalog> later = catalogs.firstHavingAfter(catalog, flag);
        if (later.isPresent()) {
            return FlagIssue.error("'" + flag + "' is not known to " + catalog.label() + "; it was added in "
                    + later.get().label());
        }
        for (Backend other : Backend.values()) {
            if (other != catalog.backend() && catalogs.all(other).stream().anyMatch(c -> c.find(flag).isPresent())) {
                return FlagIssue.error("'" + flag + "' is " + display(other) + "'s flag; " + display(catalog.backend())
                        + " does not accept it" + equivalent(other, catalog.backend(), flag)
                        .map(e -> " (" + display(catalog.backend()) + " uses '" + e + "')").orElse(""));
            }
        }
        List<String> known = new ArrayList<>();
        catalog.all().forEach(s -> {
            known.add(s.flag());
            s.aliases().stream().filter(a -> a.startsWith("--")).forEach(known::add);
        });
        return FlagIssue.error("unknown flag '" + flag + "' for " + catalog.label()
                + Suggest.closest(EngineFlags.normalize(flag), known).map(s -> " (did you mean '" + s + "'?)").orElse(""));
    }

    private Optional<FlagIssue> valueIssue(FlagCatalog catalog, FlagSpec spec, String flag, String value) {
        if (spec.isSwitch()) {
            if (value == null || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Optional.empty();
            }
            return Optional.of(FlagIssue.error("'" + flag + "' is a switch and takes no value, found '" + value
                    + "'; write true or null to pass it, false to leave it out"));
        }
        if (value == null) {
            return spec.kind().equals("value-optional") ? Optional.empty()
                    : Optional.of(FlagIssue.error("'" + flag + "' needs a value"));
        }
        List<String> words = spec.kind().equals("list") ? Arrays.asList(value.trim().split("\\s+")) : List.of(value);
        if (!spec.choices().isEmpty()) {
            for (String word : words) {
                if (!spec.choices().contains(word)) {
                    return Optional.of(FlagIssue.error("'" + flag + "' does not accept '" + word + "'; " + catalog.label()
                            + " accepts " + String.join(", ", spec.choices())));
                }
            }
        }
        for (String word : words) {
            Optional<String> expected = typeProblem(spec, word).or(() -> rangeProblem(catalog, spec, flag, word));
            if (expected.isPresent()) {
                return Optional.of(FlagIssue.error("'" + flag + "' takes " + expected.get() + ", found '" + word + "'"));
            }
        }
        return Optional.empty();
    }

    /**
     * Values of the right type that the settings aim-engine knows cannot take: a context of no tokens or fewer, a
     * memory fraction outside (0, 1]. Where the catalog's type says so ("auto/-1"), -1 asks the engine to choose.
     */
    private static Optional<String> rangeProblem(FlagCatalog catalog, FlagSpec spec, String flag, String value) {
        EngineProfile engine = catalog.backend().profile();
        EngineSetting setting = engine.setting(flag).or(() -> engine.setting(spec.flag())).orElse(null);
        String v = value.strip();
        if (setting == EngineSetting.CONTEXT_LENGTH && (v.startsWith("-") || ZERO.matcher(v).matches())
                && !(v.equals("-1") && spec.type().contains("-1"))) {
            return Optional.of("a context length above zero" + (spec.type().contains("-1") ? " (or -1 or auto)" : ""));
        }
        if (setting == EngineSetting.MEMORY_FRACTION && isDecimal(v)
                && !(Double.parseDouble(v) > 0 && Double.parseDouble(v) <= 1)) {
            return Optional.of("a fraction of GPU memory above 0 and at most 1");
        }
        return Optional.empty();
    }

    /** What the value should have been, when the engine's parser would refuse its type. */
    private static Optional<String> typeProblem(FlagSpec spec, String value) {
        String type = spec.type();
        if (type.equals("int") && !INTEGER.matcher(value).matches()) {
            return Optional.of("a whole number");
        }
        if (type.equals("float") && !isDecimal(value)) {
            return Optional.of("a number");
        }
        if (type.startsWith("human_readable_int") && !HUMAN_INT.matcher(value).matches()
                && !(type.startsWith("human_readable_int_or_auto") && value.equalsIgnoreCase("auto"))) {
            return Optional.of("a whole number such as 32768 or 32k");
        }
        if (spec.kind().equals("json") && (value.startsWith("{") || value.startsWith("[")) && !isJson(value)) {
            return Optional.of("valid JSON");
        }
        return Optional.empty();
    }

    private static boolean isDecimal(String value) {
        try {
            return Double.isFinite(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isJson(String value) {
        try {
            JSON.readTree(value);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private Optional<FlagIssue> deprecation(FlagCatalog catalog, FlagSpec spec, String flag) {
        if (spec.kind().equals("deprecated-noop")) {
            return Optional.of(FlagIssue.warning("'" + flag + "' is deprecated in " + catalog.label()
                    + " and has no effect; remove it"));
        }
        if (!spec.deprecated()) {
            return Optional.empty();
        }
        Matcher m = NEW_FLAG.matcher(spec.notes());
        return Optional.of(FlagIssue.warning("'" + flag + "' is deprecated in " + catalog.label()
                + (m.find() ? "; use '" + m.group(1) + "' instead" : "")));
    }

    /** The flag of {@code to} that does what {@code flag} of {@code from} does, for the settings aim-engine knows. */
    private static Optional<String> equivalent(Backend from, Backend to, String flag) {
        return from.profile().setting(flag).map(to.profile()::flag);
    }

    /** The engines' own spelling, for messages. */
    public static String display(Backend backend) {
        return backend.profile().displayName();
    }
}
