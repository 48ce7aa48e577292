package aimengine.probe;

/** A probe could not read its source: either the source does not exist on this machine, or reading it failed. */
public final class ProbeException extends Exception {
    private final boolean absent;

    private ProbeException(String message, boolean absent) {
        super(message);
        this.absent = absent;
    }

    /** The source is not there (tool not on PATH, no KFD): normal on a machine without that vendor's GPUs. */
    public static ProbeException absent(String message) {
        return new ProbeException(message, true);
    }

    /** The source is there but gave no usable answer (non-zero exit, timeout, unreadable output). */
    public static ProbeException failed(String message) {
        return new ProbeException(message, false);
    }

    public boolean absent() {
        return absent;
    }
}
