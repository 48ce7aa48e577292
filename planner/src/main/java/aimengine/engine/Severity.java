package aimengine.engine;

/** How bad a finding about an engine flag or a recipe is: an error stops a launch and fails lint, a warning does not. */
public enum Severity {
    ERROR, WARNING;

    public String key() {
        return name().toLowerCase();
    }

    @Override
    public String toString() {
        return key();
    }
}
