package aimengine.engine;

/** One thing wrong with one engine flag as written, in words the user can act on. */
public record FlagIssue(Severity severity, String message) {

    public static FlagIssue error(String message) {
        return new FlagIssue(Severity.ERROR, message);
    }

    public static FlagIssue warning(String message) {
        return new FlagIssue(Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
