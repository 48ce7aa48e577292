package aimengine.probe;

/**
 * What running one probe gave: its value, or why there is none.
 *
 * @param probe   the probe's name
 * @param value   what it read, or null
 * @param absent  true when the source does not exist on this machine (not an error)
 * @param message why there is no value (absent or failed), or null
 */
public record ProbeOutcome<T>(String probe, T value, boolean absent, String message) {

    public static <T> ProbeOutcome<T> of(String probe, T value) {
        return new ProbeOutcome<>(probe, value, false, null);
    }

    public static <T> ProbeOutcome<T> absent(String probe, String message) {
        return new ProbeOutcome<>(probe, null, true, message);
    }

    public static <T> ProbeOutcome<T> failed(String probe, String message) {
        return new ProbeOutcome<>(probe, null, false, message);
    }

    public boolean isFailed() {
        return value == null && !absent;
    }
}
