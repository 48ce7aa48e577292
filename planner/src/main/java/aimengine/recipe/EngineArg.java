package aimengine.recipe;

/**
 * One engine flag as a recipe wrote it, before it is checked against the engine's flag catalog.
 *
 * @param flag     the flag with its leading dashes, e.g. "--max-model-len"
 * @param value    the value as text; null for a bare switch (written null or without a value)
 * @param yamlBool true when the YAML value was a boolean (true/false), not a quoted string
 * @param line     where it was written
 */
public record EngineArg(String flag, String value, boolean yamlBool, int line) {

    public boolean isBare() {
        return value == null;
    }

    public boolean isSwitchOff() {
        return value != null && value.equalsIgnoreCase("false");
    }
}
