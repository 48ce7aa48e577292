package aimengine.model.hub;

/** The Hub could not give a model's facts; the message is one line for the user and never holds the token. */
public final class HubException extends RuntimeException {

    /** Why, which decides the exit code. */
    public enum Kind {
        /** No facts to be had: offline, gated, private or missing. Nothing can be planned (no plan). */
        UNAVAILABLE,
        /** The Hub could not be asked or gave an answer that cannot be read (network, timeout, server error). */
        FAILED
    }

    private final Kind kind;

    public HubException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
