package aimengine.cache;

import aimengine.io.InputException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the durations users write on the command line: 30d, 12h, 90m. */
public final class DurationText {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})([dhm])");

    private DurationText() {
    }

    /**
     * @param where the flag or file the text came from, for the message
     * @throws InputException when the text is not a whole number followed by d, h or m
     */
    public static Duration parse(String where, String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new InputException(where, 0, "'" + text + "' is not a duration; write a whole number and a unit:"
                    + " 30d (days), 12h (hours) or 90m (minutes)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
        };
    }
}
