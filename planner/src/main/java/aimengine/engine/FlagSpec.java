package aimengine.engine;

import java.util.List;

/**
 * One engine flag as the engine's argument parser defines it.
 *
 * @param flag       canonical name, e.g. "--max-model-len"
 * @param kind       value, bool-optional, store_true, store_const, list, json, append, value-optional, deprecated-noop
 * @param choices    values the parser accepts (empty: any)
 * @param aliases    other spellings (e.g. "-tp", "--no-enforce-eager")
 * @param type       the parser's value type as the catalog writes it: "int", "float", "str", "human_readable_int (...)"
 * @param deprecated the parser warns when it is used
 * @param notes      the catalog's notes (e.g. the replacement flag)
 */
public record FlagSpec(String flag, String kind, List<String> choices, List<String> aliases, String type,
                       boolean deprecated, String notes) {

    public FlagSpec {
        choices = List.copyOf(choices);
        aliases = List.copyOf(aliases);
        type = type == null ? "" : type;
    }

    /** A switch takes no value: store_true, store_const and the --x / --no-x pairs. */
    public boolean isSwitch() {
        return kind.equals("store_true") || kind.equals("store_const") || kind.equals("bool-optional")
                || kind.equals("deprecated-noop");
    }

    public boolean takesValue() {
        return !isSwitch();
    }
}
