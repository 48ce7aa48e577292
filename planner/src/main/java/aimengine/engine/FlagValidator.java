package aimengine.engine;

import aimengine.recipe.EngineFlags;
import aimengine.yaml.Suggest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Checks one engine flag and its value against the flag catalog of the engine version that will run it, so that a
 * bad flag is refused before a model spends minutes loading only to die on "unrecognized arguments".
 * Switches follow the recipe convention: no value, "" or true is the bare flag, false leaves it out.
 */
public final class FlagValidator {
    private final FlagCatalog catalog;
    private final FlagCatalogs history;

    /**
     * @param catalog the flags of the engine version that will run
     * @param history the shipped catalogs, to tell when an unknown flag was removed (may be null)
     */
    public FlagValidator(FlagCatalog catalog, FlagCatalogs history) {
        this.catalog = catalog;
        this.history = history;
    }

    public FlagCatalog catalog() {
        return catalog;
    }

    /** @return what is wrong with the flag or its value; empty when the engine accepts it */
    public Optional<String> check(String flag, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            return Optional.of(flag + ": the value contains a NUL character");
        }
        Optional<FlagSpec> spec = catalog.find(flag);
        if (spec.isEmpty() || spec.get().kind().equals("positional")) {
            return Optional.of(unknown(flag));
        }
        FlagSpec s = spec.get();
        if (s.isSwitch()) {
            boolean bool = value == null || value.isEmpty() || value.equalsIgnoreCase("true")
                    || value.equalsIgnoreCase("false");
            return bool ? Optional.empty() : Optional.of(flag + " is a switch of " + catalog.label()
                    + " and takes no value; write true (or nothing) to set it, false to leave it out, not '" + value + "'");
        }
        if (value == null || value.isEmpty()) {
            return s.kind().equals("value-optional") ? Optional.empty()
                    : Optional.of(flag + " needs a value (" + catalog.label() + ")");
        }
        if (!s.choices().isEmpty()) {
            List<String> given = s.kind().equals("list") ? Arrays.asList(value.trim().split("\\s+")) : List.of(value);
            for (String v : given) {
                if (!s.choices().contains(v)) {
                    return Optional.of("invalid value '" + v + "' for " + flag + " (" + catalog.label()
                            + " accepts " + String.join(", ", s.choices()) + ")");
                }
            }
        }
        return Optional.empty();
    }

    private String unknown(String flag) {
        StringBuilder m = new StringBuilder(flag + " is not a flag of " + catalog.label());
        if (history != null) {
            history.lastHaving(catalog, flag).ifPresent(c -> m.append(" (last seen in ").append(c.version()).append(')'));
        }
        List<String> known = catalog.all().stream().map(FlagSpec::flag).filter(f -> f.startsWith("--")).toList();
        Suggest.closest(EngineFlags.normalize(flag), known).ifPresent(s -> m.append("; did you mean ").append(s).append('?'));
        return m.toString();
    }
}
